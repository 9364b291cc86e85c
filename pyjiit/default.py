"""The captcha pyjiit 0.1.0a9 logs in with by default (``pyjiit.default``).

The portal does not tie a captcha's answer and ``hidden`` id to any state of
the client, so this already-solved pair (the one the portal's own login page
ships) works for every login.
"""

from __future__ import annotations

from pyjiit.tokens import Captcha

__all__ = ["CAPTCHA"]

#: An already-solved captcha, with the picture it belongs to (a PNG, base64).
CAPTCHA = Captcha(
    captcha="phw5n",
    hidden="gmBctEffdSg=",
    image=(
        "iVBORw0KGgoAAAANSUhEUgAAATYAAAA8CAIAAABjMgEsAAARWUlEQVR42u2df3xWVR3H5wB9wZy4CcyN6QAH4kBBXoL8cLiF"
        "QRDGmLFG20hzbWEOjIVs8WMSIMmPNEkzCpMkTdJcmlEYhVEYhUlGYRRGYRiFUYT521cfvvd1zutw7u97z7nPs3E+f+z18HCf"
        "+9x77nnf7/f7ec49J6OMqby8/H1MEyZMuOaaa97PNHHixEmTJn2AafLkyVOmTPkg09SpU6+99toPMU2bNq2iomI6U2Vl5XXX"
        "XfdhphkzZlRVVX2Eqbq6eubMmR9lqqmpqa2trWOaNWvWx0jXk2644YaPk24k1dfXf4LUQGpsbPwkaTbppptu+hTpZlJTU9Mc"
        "0lzSLbfc8mmmefPmNTc3f4Zp/vz5t9566wKmlpaW1tbWzzItXLhwEWkxacmSJW2k20hLly79HGkZafny5StIt5NWrlz5edId"
        "pFWrVq0mrSGtXbv2C6Q7SXfdddcXSXeT1q1b9yXSPaR77733y6T7SF8hrV+//qukr5E2bNhwP+nrpAdIGzdu/AbpQdKmTZu+"
        "SXqI9PDDD3+L9Ahp8+bN3yY9Snrssce+Q3qc1N7e/l3SE6Qnn3zye6SnSN8nbdmy5QekH5K2bt36NOlHpG3btv2Y9BPS9u3b"
        "nyH9lLRjx46fkX5O2rlz57OkX5B27dr1S9KvSLt3736O9GvS86Q9e/b8hvQC6bekvXv3/o70e9K+ffteJP2BtH///j+S/kQ6"
        "cODAS6Q/kw4ePPgX0l9Jhw4depn0N9Lhw4dfIf2ddOTIkX+Q/kk6evToq6R/kY4dO/Zv0n9Ix48f/y/TiRMnXnvttf8xZaQ/"
        "otczWYjeyGQh2sBkITqbyUL0ZiYL0blMMRFdzGQhehuThegyJgvR25ksRO9gshBdw2QheieThejdTL6IridxRDeQOKIPMFmI"
        "PshkIfoQk4XoI0wWoo8yWYg+zuSL6BYSR3QriSO6jcQR3U7iiO4gcUR3kjiiu0gc0d2kIIjuJXFE95E4ovtJHNEDJI7oQRJH"
        "9BCJI3qYxBE9QoqA6AkSR/T11193QHQCiSM6kcQRnUziiE4lcUSnkQyimhC9h8lC9D4mMYRyRO9n0oroE0wWok8xiSGUI/o0"
        "kxhCOaLPMIkhNAKizzNZiL7AJIZQjuiLTGII5Yi+xCSGUI7oy0y+iB4lcUSPkTiix0liCHVAtJwkhlAR0UmkCIhWkjiiM0gc"
        "0WoSR7SGxBGdRRKzXBHRelJ8ROeROKLzSRzRFhJHdCFJzHJFRJeSxCw33RDdSOqgiD7LJGa5HNHnmFKI6CtMYpbLEX2VSQyh"
        "HFG3LPcURKUs1wPRKSQxyxURrSCJIVREtIokhlAR0VqSWyHqgWgjSSxERUSbSGIhKiLaTBJDqIhoK8mtEA2O6EqSWIiKiK4l"
        "iYWoiOg6kpjliohKhWhwRDeRxEJURHQzSSxERUTbSWKWKyIqFaIpQXQPKWAh2iERTawQDY5oqrwiD0RT5RV5IJoqr8gD0VR5"
        "RcERTcwr6pCImkI0vp2rzyuKbOcm5hUFt3MT84oi27l2r8gB0VBekUHUeEWaCtHIdq6+QjSynRvHK3rjjTcyfL2iyHauPq9I"
        "FaIKvSKDqPGKdBSigRBNlVcU3M5NzCuKbOfq84oi27n6vKJ0QFQqRDsDookVopHtXH1eUWQ7V59XFNnOTcwrCm7nJuYVRbZz"
        "9XlFHRLRVBWiqob+KSxEVQ39U+gVqRr6p9ArUjX0T6FXpGnon6NXJCPq7RUZO9d4RZoKUVVD/xQWoqqG/sX0ik4iKhWiqob+"
        "KfSKNCEaxysyiBqvSFMh6o9oYl6RqqF/Cr0iTUP/FHpFqob+KfSKDKJavaI333wzQ2sh6mvnZjhJq1ekauifQq9I1dA/hV6R"
        "qqF/+rwiVUP/FHpFHRJR30LUA9E4WW60oX8ZIRUqy9X0mGgcr0jTY6JxvCJNj4nG8YqSeUzUzSs6BVGpEO3QiEbzirQimlgh"
        "msxjonGyXE2PicbJcjU9JhrHK/JHNBmvKFWIOnpFnQNR4xUlX4jiBfYTJMsNa+fKiOrziiIjqs8rUoWoQq8omcdE43hFpw+i"
        "2AzfiIPH6aMlcVFwidFV0PfQe0HEmDFjhgwZUlhYeM4555xxxhn4q6MQPYmowkI0wtA/x66v0CsKNfQvMqKhvCJNj4nG8Yo0"
        "PSYaxytS/pgo/mInOB6cFFoGzYuLhYuOzlNTU4P+fPXVVw8fPvyiiy7q1avXmWeeGbYzgFJE1HRHNMKgBTdEvbNcTY+JSocR"
        "atBCSqYUC+UVJTOlWCivKObQP2yAr8ChWlEObb5gwQJc/bq6OvRG9OeRI0cOHjy4oKDg7LPPBkIZ2mRFUQRh5V6RRkSxh+Li"
        "4p49e3br1q1r1644AfwTb4ZCFBtfccUVffr06d69e2ZmZo8ePfr27YsEA9DqGFcUB1HHQhSfRbtdeOGF2dnZXbp0wd+BAwei"
        "ucCtqkI0JVOKeWe5ke1c/MUecAA4frQDGrClpQXXEf0Bd3x0yLFjxw4dOrRfv365ubkRAl0oYf+9e/dGUB0xYkRZWRl6OOov"
        "9Cj0BNxh0ew4TpwgbhzIllGLxvSK/BGN4BU5nhj4BKtoRLczxzkjrgZBFLdAdGvHDcDqWWedxf+JCxYc0fPOO0/cT0xEHQ/P"
        "QhTNhduT4wa4YeHYTgevCBtgnzg2nBqaBY2JK4I7LBIr9KjS0lLklrh35+XlZWVl6Q50uEXiFn/JJZdceeWV6OTAHkeCXoGr"
        "iQuBNuTUoVhVMmgh5tA/GdGwXpFjQ+Bmg3uPd2MhKiLv9UAUtyuQ7Nvi/DVIRiz19op4LSpiX1RUJI4rckTUe1yR47EhkF5+"
        "+eW+N2mE8XTzinwRhfBZfC+OFilDa2srGhkFCPIddAxEG2Q9yC0vuOCCnJwctzuUwkCHGy7iwWWXXTZu3Dj0UvQrlEJIkXBp"
        "0LBoE4s6pMqoRTvcuCIHRL2z3CCIIqkL0rhoVg9EcY3DXi1U/EHsXFS24qfQn8RxRW6IeowrcjyY0aNHBznmwsLClHhFEqLY"
        "ADvEkQA5JJYWcihGcInRMRBwkFv2798fd14kHboDHYrG/Pz8QYMGWekleho6CSoaXCYUFGglizrEapSpWscVdUhEpUI05vXA"
        "BXBDNIJwVEG8IiTh4qdwXuIDLtI+0Ut69eqFjNoqI0HUVVddhXDti2hw4ZhVeUUcUbyJWnfVqlXo0zgvtAPSOSCHGhiXGJX8"
        "sGHDkFsWFBRYToHWQIf9owxBUC0pKRk1ahS6GfKs2tpaNCOaHTU8ThzHj+iNPBm1aMLjitJh+nmpEE0C0czMTKT7+EhlZSX+"
        "DhkyBO/YN8OV80YU3QiXE3UpkijsxLsrIM8JUoiOHz9eyqg9EHUTzg6f8kUUhOMAkPQiNIFtx23wfqgslyOKjUGglRfgvoP7"
        "HYo6pDBao5wV6BBLUaoMGDAA6eXYsWPRW3Ch6+rq0P5oRlCHmw5uE4jPKFOTmX5e+kU0HaaflwrRyHbuW2+9lRF5XJHbVURq"
        "JP3iggvpuCV27rYT3OmlX1yQ/Hh0HTAcBFHkbOKtBO9EQBRCUG1sbPRAFK0qjStCUu1YF7ghitfIPK3fytGGuC6IQmiEvLw8"
        "0SpTEujOPffcvn37YucooXHXwKXHFcT9C01qxTqkwbgvIENub29Pk0EL6TD9vJTlqn1MVEY0lFfkgSg6kOPQv/PPP9++MW7D"
        "jjtBAobgKY0rwld79DP0MI6oFCrLy8s5otiMv48kVnoGLVTPBqXNzc1ufhiCpzSuCEjbt0Tphe9F1jdz5kycIPC49NJLkRZa"
        "A1bixDokKUVFRQj4uDWgQXD5cDnQqrNnz8b54uayevVqRGbUqGboXzp7RacgKmW5vkP/HDsHOoTjuCKEVvvGKIccdzJy5Ej7"
        "uCLvrDgrK4sjevHFF0t5KR9X1L17d9GUkp5BC0vCwIEDHd9HW/Ghf3jR2tqKA0ObKAx9CKS4G+IURo8ejQsEwvEVixYtWrFi"
        "BUq7lE8/7z2uKB2mn5cK0Q6JqO+gBceuY/3cZB9XhJ04xhDHnWD/dkTxjnevbWhosBBF2ia+n5OTY/GJACK+X1paKk2GwpNP"
        "nHV9fT2CJOjCZ3EKEvbeQjqN+wIiNiJt5GCIDyKbwMEg10AYRIMj80Q60NbWhpTYLFXYWZcq1I4o3ndE1DGGuA0QQcC0D/3D"
        "a+8+je8Cn6jcHI1TIFpdXS2+iYRcQrR///74Fsf5ivAC7eDoe8VU7969i4uLkX3gEqDFcKa4NaAKRTlqlio8DZcqlLyik4hG"
        "fgbNbXSRI6L46z38wD66yD4617uv4+CBKD8wcec4JCCK8xK3R3EoIYqAiW8Bydag6hEjRgwaNCg/Pz/OCE9rUEthYaGbKW2e"
        "QTNLFXp4RW+//XZG5KUKfaOo+AxaqCjq9gyaNwwIRECUF72ITrm5ufwnGSAqeqrdunVD+jBq1KiSkhIkk9hS4S+EaB9rKAUC"
        "MspRPoA+YUTNUoWdwCsKhKjbY6KOHQ4fd3wGLVQtGg1RpItAtKioiA8G5v5tVlaW77DEgANfgmzs9pioG6JmqUKzVKE/ohEe"
        "cHEzY3mWi88CV+sBNMcxcW6OrttjokF+34s/FAaQDx06dMyYMWgKnAWOZO7cuahFlyxZghfBEbU/g+aBqFmq0CxVmBCieXl5"
        "HFHrx72ePXv269cPr4P/LmohWltbC8JxDOPHj0eOioxUoUnTp0+f4cOHl5aW4uxwB8FdAIWo79zWaKtQiEqToURG1CxVePos"
        "VSh5RTKioZYqdOugiD/gc/r06b4WC77R7Vmtrl27xiEwMzOzsLBw8ODBvNwdNmyYNOw+7PTz+EjAo4qGqFmq0CxVaPeKTiIa"
        "ealCDzwQ8crKymIOkYkgHqsBpzXujw8b5NaRVVjiv6S5rbOzs/EpNAWid0NDA4IqcAW0c+bMQVHtGMPdzs4garyiyFmuP6LB"
        "pxTTzRtCFpLk/Pz84uJixEC3gb7Yxv6mNegPwgv7/+bk5Njnto5whEiVHd93m1LMcWOzVKFZqtCjEH3nnXcyIk+G4vYgaJDO"
        "7f1LI5JkhDL7lGKOGw8YMMDx8VELUbyw/y9Ca3xEUXUjzLoh6jhfUXxEzVKFnX6pQu2Igi7fnzfQuaurq1GvSsN9uNwmznXz"
        "kO3jV8VnXOzPhYwbN85eiIbiE4UuPrts2TIPRO1LFbohapYqNEsVunlFpyAadqlCxw5nGUUesRRZa1VVFV9kKT6i9ifa8O3i"
        "M2j2g6moqIiMKOI/2qqtrc2aUiw4omvWrPFA1CxVaJYqlApRf0R9p593Q9QatOA4AyB2Lq2DFh9ReyqLqlVEFDFT2gB7s6+D"
        "1tTUhHtHWVlZSUlJQUFBbm5ujx49unTpgoPPzs7GOwjX2GDx4sXirH8GUeMVqV2qUPKKZERDTT/vjahZqtAsVWgQjV+InkQ0"
        "8sS5oRDl08/zBblFRM1ShWapQrNUYQoQdZx+niNax5SqpQqDD1qIsCC3WarQLFWoxCvqJIhGnn5eH6JmqUKzVGG0pQpdEY2w"
        "VKEboh7roNkL0WQQdVwHza0Q7ViIGq8onQvRmEP/ZETDLlWoBNHEvKLgiCbmFZmlCo1X5FuIyoiGWmTJA9FUeUWhlipMxisy"
        "SxWmZKnC+F5R50dUYSGqaanCOIWoWaow+aUKdXhF6TD9vFSIqkQ0wmqixisySxUm4BWlw/TzkZcqlLyid999NyOaVyQuyO04"
        "t3X6ICoVop3JzjVeUVoVomofE5URDesVBUQ0VV5RZDtXn1eUDKJqlyo0iKa8ED0FUe+lCj0QdZx+XodXpGronz6vSNXQP31L"
        "FaaDV5QO08+n7VKFIRBNVSGqauifwkJU1dA/hV5ROkw/LxWi6TD9fCdYqrADIGq8orSafl7KctNh+vnOvVSh5BWdRFShV2QQ"
        "NV6RWapQrVf03nvv/R9maYLmJr4bSAAAAABJRU5ErkJggg=="
    ),
)
