"""Name pools for synthetic demo clients: plausible, and never a real client."""

from __future__ import annotations

from datetime import date

from hkcase.domain.vocab import Scheme

# (English family name, simplified, traditional) for the commonest Chinese surnames.
CHINESE_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("WANG", "王", "王"), ("LI", "李", "李"), ("ZHANG", "张", "張"), ("LIU", "刘", "劉"),
    ("CHEN", "陈", "陳"), ("YANG", "杨", "楊"), ("HUANG", "黄", "黃"), ("ZHAO", "赵", "趙"),
    ("WU", "吴", "吳"), ("ZHOU", "周", "周"), ("XU", "徐", "徐"), ("SUN", "孙", "孫"),
    ("MA", "马", "馬"), ("ZHU", "朱", "朱"), ("HU", "胡", "胡"), ("GUO", "郭", "郭"),
    ("HE", "何", "何"), ("LIN", "林", "林"), ("LUO", "罗", "羅"), ("ZHENG", "郑", "鄭"),
    ("LIANG", "梁", "梁"), ("XIE", "谢", "謝"), ("TANG", "唐", "唐"), ("FENG", "冯", "馮"),
    ("DENG", "邓", "鄧"), ("CAO", "曹", "曹"), ("PENG", "彭", "彭"), ("ZENG", "曾", "曾"),
    ("XIAO", "萧", "蕭"), ("TIAN", "田", "田"), ("DONG", "董", "董"), ("YE", "叶", "葉"),
)

# Hong Kong / Macao romanisation of the same surnames, used for Cantonese speakers.
CANTONESE_SURNAMES: dict[str, str] = {
    "王": "WONG", "李": "LEE", "張": "CHEUNG", "劉": "LAU", "陳": "CHAN", "楊": "YEUNG",
    "黃": "WONG", "趙": "CHIU", "吳": "NG", "周": "CHOW", "徐": "TSUI", "孫": "SUEN",
    "馬": "MA", "朱": "CHU", "胡": "WU", "郭": "KWOK", "何": "HO", "林": "LAM",
    "羅": "LAW", "鄭": "CHENG", "梁": "LEUNG", "謝": "TSE", "唐": "TONG", "馮": "FUNG",
    "鄧": "TANG", "曹": "TSO", "彭": "PANG", "曾": "TSANG", "蕭": "SIU", "田": "TIN",
    "董": "TUNG", "葉": "YIP",
}

# (pinyin, simplified, traditional) given-name syllables.
GIVEN_SYLLABLES: tuple[tuple[str, str, str], ...] = (
    ("Wei", "伟", "偉"), ("Fang", "芳", "芳"), ("Na", "娜", "娜"), ("Min", "敏", "敏"),
    ("Jing", "静", "靜"), ("Li", "丽", "麗"), ("Qiang", "强", "強"), ("Lei", "磊", "磊"),
    ("Jun", "军", "軍"), ("Yang", "洋", "洋"), ("Yong", "勇", "勇"), ("Yan", "艳", "艷"),
    ("Jie", "杰", "傑"), ("Tao", "涛", "濤"), ("Ming", "明", "明"), ("Chao", "超", "超"),
    ("Xiu", "秀", "秀"), ("Hua", "华", "華"), ("Hui", "慧", "慧"), ("Ling", "玲", "玲"),
    ("Xin", "欣", "欣"), ("Yu", "宇", "宇"), ("Hao", "浩", "浩"), ("Zi", "梓", "梓"),
    ("Han", "涵", "涵"), ("Yi", "怡", "怡"), ("Kai", "凯", "凱"), ("Bo", "博", "博"),
    ("Feng", "峰", "峯"), ("Jia", "嘉", "嘉"), ("Rui", "睿", "睿"), ("Xuan", "轩", "軒"),
)

WESTERN_SURNAMES: dict[str, tuple[str, ...]] = {
    "GB": ("SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "EVANS", "THOMAS"),
    "US": ("JOHNSON", "MILLER", "DAVIS", "GARCIA", "RODRIGUEZ", "MARTINEZ", "ANDERSON"),
    "AU": ("SMITH", "NGUYEN", "MITCHELL", "CAMPBELL", "KELLY", "RYAN"),
    "CA": ("TREMBLAY", "ROY", "GAGNON", "MACDONALD", "CAMPBELL"),
    "IN": ("PATEL", "SHARMA", "SINGH", "KUMAR", "GUPTA", "IYER", "REDDY", "NAIR"),
    "FR": ("MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "PETIT"),
    "DE": ("MÜLLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "MEYER"),
    "KR": ("KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG"),
    "JP": ("SATO", "SUZUKI", "TAKAHASHI", "TANAKA", "WATANABE", "ITO"),
    "PH": ("SANTOS", "REYES", "CRUZ", "BAUTISTA", "GARCIA"),
}

WESTERN_GIVEN: tuple[str, ...] = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
    "David", "Elizabeth", "Sarah", "Thomas", "Priya", "Arjun", "Anika", "Rahul",
    "Sophie", "Lukas", "Hannah", "Min-jun", "Ji-woo", "Haruto", "Yui", "Maria",
    "Jose", "Camille", "Louis", "Emma", "Oliver", "Charlotte",
)

# Hong Kong names with characters from the HKSCS supplement, used now and then so
# that fonts and exports meet them early.
HKSCS_CHINESE_NAMES: tuple[tuple[str, str, str], ...] = (
    ("KWONG", "Wing Yan", "鄺詠欣"), ("SIN", "Ka Ho", "冼家浩"), ("CHUNG", "Tsz Ching", "鍾芷晴"),
    ("TSANG", "Chun Kit", "曾俊傑"), ("FUNG", "Hiu Tung", "馮曉彤"), ("YIP", "Wai Shan", "葉慧珊"),
    ("LAM", "Pui Yee", "林珮怡"), ("NG", "Ching Yin", "吳靖然"),
)

UNIVERSITIES: tuple[tuple[str, str], ...] = (
    ("Tsinghua University", "CN"), ("Peking University", "CN"), ("Fudan University", "CN"),
    ("Zhejiang University", "CN"), ("Shanghai Jiao Tong University", "CN"),
    ("The University of Hong Kong", "HK"), ("The Chinese University of Hong Kong", "HK"),
    ("The Hong Kong University of Science and Technology", "HK"),
    ("University of Oxford", "GB"), ("Imperial College London", "GB"),
    ("Massachusetts Institute of Technology", "US"), ("Stanford University", "US"),
    ("University of Toronto", "CA"), ("The University of Melbourne", "AU"),
    ("National University of Singapore", "SG"), ("Indian Institute of Technology Bombay", "IN"),
    ("Seoul National University", "KR"), ("The University of Tokyo", "JP"),
    ("Technical University of Munich", "DE"), ("Sorbonne University", "FR"),
    ("National Taiwan University", "TW"), ("University of Macau", "MO"),
)

FIELDS_OF_STUDY: tuple[str, ...] = ("Computer Science", "Finance", "Biology", "Law",
                                    "Economics")
STEM_FIELDS: tuple[str, ...] = ("Computer Science", "Biology", "Electronic Engineering")

HK_UNIVERSITIES: tuple[str, ...] = (
    "The University of Hong Kong", "The Chinese University of Hong Kong",
    "The Hong Kong University of Science and Technology", "City University of Hong Kong",
    "The Hong Kong Polytechnic University",
)

# How clients sometimes write a listed university: a loose match the consultant confirms once.
UNIVERSITY_SPELLINGS: dict[str, str] = {
    "Tsinghua University": "Tsinghua Univ", "University of Toronto": "U of Toronto",
    "Imperial College London": "Imperial College", "Stanford University": "Stanford Univ",
}

EMPLOYERS: tuple[tuple[str, str], ...] = (
    ("Harbour Fintech Ltd", "financial_services"), ("Kowloon AI Labs Ltd", "technology"),
    ("Pearl River Biotech Co", "life_sciences"),
    ("Victoria Capital Partners", "financial_services"),
    ("Lion Rock Logistics", "logistics"), ("Sai Kung Robotics Ltd", "technology"),
    ("Central Legal LLP", "legal"), ("Tsim Sha Tsui Design Studio", "creative"),
    ("Shenzhen Cloud Systems", "technology"), ("Global Bank (Asia) Ltd", "financial_services"),
    ("New Territories Data Centre Ltd", "technology"), ("Lantau Green Energy Ltd", "energy"),
)

POSITIONS: tuple[str, ...] = (
    "Software Engineer", "Data Scientist", "Research Fellow", "Investment Analyst",
    "Product Manager", "Senior Associate", "Director", "Biomedical Engineer",
    "Architect", "Marketing Manager", "Chief Technology Officer", "Quantitative Analyst",
)

CONSULTANTS: tuple[str, ...] = (
    "Amy Chan", "Ben Lau", "Carmen Ho", "Daniel Wong", "Eva Leung",
)

# Schemes and nationalities of demo principals, with their weights.
MAINLAND_SCHEMES = (
    (Scheme.ASMTP, 30), (Scheme.QMAS_GPT, 20), (Scheme.TTPS, 30), (Scheme.IANG, 12),
    (Scheme.TECHTAS, 3), (Scheme.NEW_CIES, 4), (Scheme.QMAS_ABPT, 1),
)
OVERSEAS_SCHEMES = (
    (Scheme.GEP, 45), (Scheme.QMAS_GPT, 12), (Scheme.TTPS, 20), (Scheme.TECHTAS, 6),
    (Scheme.IANG, 8), (Scheme.ASSG, 5), (Scheme.NEW_CIES, 3), (Scheme.QMAS_ABPT, 1),
)
OVERSEAS_NATIONALITIES = (
    ("IN", 14), ("US", 10), ("GB", 10), ("AU", 6), ("CA", 6), ("FR", 4), ("DE", 4),
    ("KR", 5), ("JP", 4), ("PH", 3), ("MY", 8), ("SG", 6), ("TW", 6), ("MO", 3),
)

# When each scheme began taking applications: no demo stay is granted before it.
LAUNCHED: dict[Scheme, date] = {
    Scheme.TTPS: date(2022, 12, 28), Scheme.NEW_CIES: date(2024, 3, 1),
    Scheme.TECHTAS: date(2018, 6, 25), Scheme.ASSG: date(2015, 5, 1),
}
