#!/usr/bin/env python3
"""Writes the invented 样例县 releases of sample-site/ from the tables of invented figures below.

Every figure here is invented for testing; 样例县, 样例市 and 样例省 do not exist.
Run from the repository root: python3 sample-site/tools/generate.py
Rounding is 四舍五入 (half away from zero) throughout (decimal.ROUND_HALF_UP).
"""
import json
import os
from decimal import Decimal as D, ROUND_HALF_UP

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
NOTE = "本数据为虚构的样例数据，仅供测试，不代表任何真实地区。"
NOTE_EN = "Invented sample data for testing; they describe no real place."
PLACE, PLACE_EN = "样例县", "Yangli County"
PUB, PUB_EN = "样例县统计局", "Yangli County Bureau of Statistics"
MONTH_EN = ["", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]
CN_NUM = "一二三四五六七八九十"


def r(x, places):
    q = D(1).scaleb(-places)
    return D(x).quantize(q, rounding=ROUND_HALF_UP)


def pct(new, old):
    return r((D(new) / D(old) - 1) * 100, 1)


def s(x):
    return str(x)


def g_words(g, verb="增长"):
    """增长8.2% / 下降3.6%."""
    g = D(g)
    return f"下降{s(-g)}%" if g < 0 else f"{verb}{s(g)}%"


# ---------------------------------------------------------------- annual figures (bulletins)
YEARS = [2020, 2021, 2022, 2023, 2024]
GDP = {2020: ("238.46", "3.6"), 2021: ("264.45", "7.9"), 2022: ("281.64", "4.6"),
       2023: ("302.20", "5.8"), 2024: ("325.94", "5.6")}
GDP_2023_FINAL = ("304.62", "6.0")
# primary and secondary shares (per cent, before rounding of the levels) and comparable growth
SHARE = {2020: ("9.8", "43.5"), 2021: ("9.5", "44.8"), 2022: ("9.6", "45.6"),
         2023: ("9.2", "45.1"), 2024: ("8.9", "44.7")}
IND_G = {2020: ("3.1", "2.8"), 2021: ("6.2", "9.1"), 2022: ("4.3", "5.9"),
         2023: ("4.0", "6.9"), 2024: ("3.8", "6.4")}
POP = {2019: "41.26", 2020: "41.35", 2021: "41.49", 2022: "41.58", 2023: "41.66", 2024: "41.71"}
RETAIL_G = {2020: "-3.4", 2021: "11.6", 2022: "-1.8", 2023: "9.2", 2024: "4.5"}
REVENUE_G = {2020: "-6.8", 2021: "12.3", 2022: "-9.4", 2023: "10.6", 2024: "2.8"}
EXPEND_G = {2020: "5.6", 2021: "-2.3", 2022: "6.9", 2023: "4.1", 2024: "3.0"}
URBAN_G = {2020: "3.9", 2021: "7.6", 2022: "4.8", 2023: "5.2", 2024: "4.6"}
RURAL_G = {2020: "7.1", 2021: "10.2", 2022: "6.4", 2023: "7.7", 2024: "6.5"}
INVEST_G = {2020: "4.2", 2021: "6.8", 2022: "-2.7", 2023: "8.5"}  # 2024 from 1-12月
INDUSTRY_G = {2020: "2.9", 2021: "9.6", 2022: "5.3", 2023: "7.4"}  # 2024 from 1-12月
BASE_2019 = {"retail": D("96.20"), "revenue": D("13.62"), "expend": D("31.40"),
             "urban": D("36120"), "rural": D("15480")}


def chain(base, growths, places):
    """Levels year by year from a base and the growth wanted; the printed growth is then
    recomputed from the rounded levels, so level and growth always agree."""
    out, prev = {}, base
    for y in YEARS:
        lvl = r(prev * (1 + D(growths[y]) / 100), places)
        out[y] = (lvl, pct(lvl, prev), lvl - prev)
        prev = lvl
    return out


RETAIL_Y = chain(BASE_2019["retail"], RETAIL_G, 2)
REVENUE_Y = chain(BASE_2019["revenue"], REVENUE_G, 2)
EXPEND_Y = chain(BASE_2019["expend"], EXPEND_G, 2)
URBAN_Y = chain(BASE_2019["urban"], URBAN_G, 0)
RURAL_Y = chain(BASE_2019["rural"], RURAL_G, 0)


def industries(year):
    gdp = D(GDP[year][0])
    p = r(gdp * D(SHARE[year][0]) / 100, 2)
    sec = r(gdp * D(SHARE[year][1]) / 100, 2)
    t = gdp - p - sec
    terms = [r(x / gdp * 100, 1) for x in (p, sec, t)]
    assert sum(terms) == D("100.0"), (year, terms)
    # tertiary growth so that the share-weighted growth of the parts is the GDP growth
    g1, g2 = D(IND_G[year][0]), D(IND_G[year][1])
    w = [x / gdp for x in (p, sec, t)]
    g3 = r((D(GDP[year][1]) - w[0] * g1 - w[1] * g2) / w[2], 1)
    return (p, sec, t), (g1, g2, g3), terms


# ---------------------------------------------------------------- monthly figures
M24 = list(range(2, 13))
M25 = list(range(2, 8))  # 1-7月 is the text only (the next month), not in releases/
MONTHLY = {
    # growth, province, city, rank in city, rank in province (None: not printed)
    "industry": {
        2024: dict(g="8.2 7.6 7.1 7.3 7.0 6.8 6.8 7.1 7.2 7.6 7.8", prov="6.1 5.9 5.8 5.9 5.7 5.6 5.6 5.7 5.8 5.9 6.0",
                   city="7.0 6.8 6.5 6.6 6.4 6.3 6.2 6.4 6.5 6.7 6.8", rc="2 2 3 3 3 4 4 3 3 2 2",
                   rp="12 14 16 15 17 19 19 16 15 13 11"),
        2025: dict(g="6.5 6.9 6.6 6.4 6.7 6.5", prov="5.5 5.8 5.7 5.6 5.8 5.7", city="6.0 6.3 6.1 6.0 6.2 6.1",
                   rc="3 2 3 3 2 3", rp="18 14 17 18 15 16"),
    },
    "investment": {
        2024: dict(g="-3.6 -1.8 0.4 2.1 3.4 4.4 5.0 5.6 5.9 6.3 6.5", prov="3.2 3.6 3.9 4.1 4.3 4.2 4.4 4.5 4.6 4.7 4.8",
                   city="2.4 3.0 3.5 3.8 4.1 4.3 4.6 4.8 5.0 5.2 5.4", rc="9 8 7 6 5 5 4 4 4 3 3",
                   rp="- - - - - 30 27 24 22 19 18"),
        2025: dict(g="7.2 6.8 6.1 5.7 5.9 5.4", prov="4.5 4.7 4.6 4.4 4.5 4.3", city="5.1 5.3 5.0 4.9 5.0 4.8",
                   rc="2 2 3 3 3 3", rp="15 17 21 23 22 25"),
    },
    "revenue": {
        2024: dict(g="3.1 2.4 1.5 0.6 -0.8 -1.2 -0.5 0.7 1.6 2.2 2.8", prov="4.5 4.2 3.9 3.6 3.4 3.3 3.5 3.8 4.0 4.1 4.3",
                   city="3.8 3.6 3.3 3.1 3.0 3.0 3.2 3.4 3.6 3.7 3.9", rc="4 5 5 6 7 7 7 6 6 5 5"),
        2025: dict(g="5.2 4.6 4.9 5.3 5.0 4.7", prov="4.0 4.2 4.1 4.3 4.4 4.2", city="3.6 3.9 3.8 4.0 4.1 3.9",
                   rc="3 4 3 3 3 4"),
    },
    "retail": {2024: dict(g="5.8 5.2 4.9 4.6 4.3 4.1 4.0 3.9 4.2 4.4 4.5"), 2025: dict(g="4.9 5.3 5.0 5.4 5.1 4.8")},
    "expend": {2024: dict(g="6.2 5.5 4.8 5.1 4.6 4.2 3.9 4.1 3.6 3.3 3.0"), 2025: dict(g="4.1 3.8 4.4 4.0 3.7 3.5")},
}
# cumulative share of the year's total by 1-N月 (to make the 2023 levels the 2024 growth is against)
SEASON = {
    "retail": "0.165 0.245 0.325 0.405 0.490 0.572 0.655 0.740 0.830 0.915 1",
    "revenue": "0.200 0.280 0.380 0.460 0.550 0.630 0.700 0.780 0.860 0.930 1",
    "expend": "0.140 0.230 0.310 0.400 0.510 0.580 0.650 0.740 0.820 0.900 1",
}
GDP_Q = {(2024, 3): ("71.71", "5.2"), (2024, 6): ("153.19", "5.4"), (2024, 9): ("234.68", "5.5"),
         (2024, 12): (GDP[2024][0], GDP[2024][1]), (2025, 3): ("76.87", "5.7"), (2025, 6): ("163.91", "5.9")}
MISSING = {(2024, 8, "retail")}  # 2024年1-8月 does not state 社会消费品零售总额


def unpack(year, key):
    months = M24 if year == 2024 else M25
    spec = MONTHLY[key][year]
    out = {}
    for name, txt in spec.items():
        vals = txt.split()
        assert len(vals) == len(months), (key, year, name)
        for m, v in zip(months, vals):
            out.setdefault(m, {})[name] = None if v == "-" else (int(v) if name in ("rc", "rp") else D(v))
    return out


def levels(key, annual):
    """Cumulative levels: 2023 (hidden, made from the 2023 annual level and the season), 2024
    and 2025, with the printed growth recomputed from the rounded levels."""
    # Kept to 0.0001亿元 (1万元) inside, printed to 0.01亿元; growth is computed on the kept figures,
    # as an office computes it, so it agrees with the printed levels within their rounding.
    shares = [D(x) for x in SEASON[key].split()]
    base = {m: r(annual[2023][0] * sh, 4) for m, sh in zip(M24, shares)}
    out, kept = {2024: {}, 2025: {}}, {}
    for year in (2024, 2025):
        months = M24 if year == 2024 else M25
        grow = unpack(year, key)
        for m in months:
            lvl = r(base[m] * (1 + grow[m]["g"] / 100), 4)
            g = pct(lvl, base[m])
            assert g == grow[m]["g"], (key, year, m, g, grow[m]["g"])
            out[year][m] = (r(lvl, 2), g)
            kept[(year, m)] = lvl
        base = {m: kept[(2024, m)] for m in M24}
    assert out[2024][12][0] == annual[2024][0] and out[2024][12][1] == annual[2024][1], key
    return out


LEVELS = {"retail": levels("retail", RETAIL_Y), "revenue": levels("revenue", REVENUE_Y),
          "expend": levels("expend", EXPEND_Y)}
INVEST_G[2024] = s(unpack(2024, "investment")[12]["g"])
INDUSTRY_G[2024] = s(unpack(2024, "industry")[12]["g"])

# ---------------------------------------------------------------- building blocks


def growth(rate, basis, prices=None):
    g = {"rate": s(rate), "form": "percent", "basis": basis}
    if prices:
        g["prices"] = prices
    return g


def gaps(g, prov, city):
    out = []
    for comp, en, other in (("全省", "the province", prov), ("全市", "the city", city)):
        assert D(g) != other, ("a gap of 0.0 would read 持平", g, comp)
        out.append({"comparator": comp, "comparator_en": en, "points": s(D(g) - other)})
    return out


def ranks(rc, rp):
    out = []
    if rc is not None:
        out.append({"scope": "全市", "scope_en": "in the city", "rank": rc})
    if rp is not None:
        out.append({"scope": "全省", "scope_en": "in the province", "rank": rp})
    return out


def gap_words(g, prov, city, style):
    a, b = D(g) - prov, D(g) - city
    if style == "respectively" and a > 0 and b > 0:
        return f"分别高于全省、全市{s(a)}个和{s(b)}个百分点"
    if style == "bi" and a > 0 and b > 0:
        return f"比全省高{s(a)}个百分点，比全市高{s(b)}个百分点"
    word = lambda x: "高于" if x > 0 else "低于"
    if (a > 0) == (b > 0):
        return f"{word(a)}全省{s(abs(a))}个百分点、全市{s(abs(b))}个百分点"
    return f"{word(a)}全省{s(abs(a))}个百分点，{word(b)}全市{s(abs(b))}个百分点"


def rank_words(rc, rp, lead="居"):
    parts = []
    if rc is not None:
        parts.append(f"全市第{rc}位")
    if rp is not None:
        parts.append(f"全省第{rp}位")
    return lead + "、".join(parts) if parts else ""


def change_words(g, prev, prev_label, verb="比"):
    d = D(g) - D(prev)
    if d == 0:
        return f"增速与{prev_label}持平"
    return f"增速{verb}{prev_label}{'提高' if d > 0 else '回落'}{s(abs(d))}个百分点"


def change_fact(fid, name, name_en, d, since, sentence):
    return {"id": fid, "name": name, "name_en": name_en, "sentence": sentence,
            "increase": {"amount": s(d), "unit": "个百分点"}, "note": f"比{since}"}


def span(m):
    return "1-2月" if m == 2 else f"1-{m}月"


def span_en(year, m):
    return f"January–{MONTH_EN[m]} {year}"


QUARTER = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
QUARTER_EN = {3: "first quarter", 6: "first half", 9: "first three quarters", 12: "year"}

# Which stated changes each month prints: indicator -> months. (The since-period is the month before.)
CHANGES = {
    (2024, "industry"): {3, 8, 9, 11, 12}, (2025, "industry"): {3, 6, 7},
    (2024, "investment"): {6, 12}, (2025, "investment"): {4},
    (2024, "retail"): {10},
}


def monthly(year, m):
    """One monthly 主要经济指标 release (and its printed sentences)."""
    rid = f"{year}-1-{m}-indicators"
    sp = span(m)
    title = f"{PLACE}{year}年{sp}主要经济指标（虚构样例数据）"
    sections, sentences, facts, footnotes = [], [], [], []
    variant = (m + year) % 3

    def section(cn, en):
        n = len(sections)
        sid = f"s{n + 1}"
        sections.append({"id": sid, "title": f"{CN_NUM[n]}、{cn}", "title_en": f"({n + 1}) {en}"})
        return sid

    def sentence(sid, text):
        k = sum(1 for x in sentences if x["section"] == sid) + 1
        xid = f"{sid}-{k}"
        sentences.append({"id": xid, "section": sid, "text": text})
        return xid

    ind = unpack(year, "industry")
    inv = unpack(year, "investment")
    rev = unpack(year, "revenue")
    months = M24 if year == 2024 else M25

    def prev_of(table, key_):
        i = months.index(m)
        return table[months[i - 1]][key_] if i > 0 else None

    # --- GDP (quarterly reports)
    if (year, m) in GDP_Q:
        lvl, g = GDP_Q[(year, m)]
        q = QUARTER[m]
        prev_q = GDP_Q.get((year, m - 3))
        up = prev_q is None or D(g) >= D(prev_q[1])
        sid = section("经济运行稳中有进" if up else "经济运行总体平稳", "The economy made steady progress" if up else "The economy was broadly stable")
        chg = ""
        if prev_q is not None:
            chg = "，" + change_words(g, prev_q[1], QUARTER[m - 3])
        if m == 12:
            text = f"经初步核算，{year}年全县实现地区生产总值{lvl}亿元，按可比价格计算，同比增长{g}%{chg}。"
        else:
            text = f"经初步核算，{q}全县实现地区生产总值{lvl}亿元，按可比价格计算，同比增长{g}%{chg}。"
        xid = sentence(sid, text)
        facts.append({"id": "gdp", "name": "地区生产总值", "name_en": "Gross regional product", "sentence": xid,
                      "value": {"amount": lvl, "unit": "亿元"},
                      "growth": growth(g, "cumulative_year_on_year", "comparable")})
        if prev_q is not None:
            facts.append(change_fact("gdp-growth-change", "地区生产总值增速", "Growth of gross regional product (change in points)",
                                     D(g) - D(prev_q[1]), QUARTER[m - 3], xid))

    # --- industry
    d = ind[m]
    prev = prev_of(ind, "g")
    up = prev is None or d["g"] >= prev
    sid = section("工业生产稳中有升" if prev is not None and d["g"] > prev else ("工业增速有所回落" if not up else "工业生产保持平稳"),
                  "Industrial output picked up" if prev is not None and d["g"] > prev else ("Industrial growth eased" if not up else "Industrial output held steady"))
    name = "规上工业增加值" if variant == 1 else "规模以上工业增加值"
    chg = "，" + change_words(d["g"], prev, span(months[months.index(m) - 1])) if m in CHANGES.get((year, "industry"), ()) else ""
    if variant == 2 and d["g"] - d["prov"] > 0 and d["g"] - d["city"] > 0:
        text = f"{sp}，全县{name}同比增长{d['g']}%{chg}，{gap_words(d['g'], d['prov'], d['city'], 'respectively')}，{rank_words(d['rc'], d['rp'], '居')}。"
    elif variant == 1:
        text = f"{sp}，全县{name}同比增长{d['g']}%{chg}，{gap_words(d['g'], d['prov'], d['city'], 'bi')}，增速{rank_words(d['rc'], d['rp'], '位居')}。"
    else:
        text = f"{sp}，全县{name}同比增长{d['g']}%{chg}，{gap_words(d['g'], d['prov'], d['city'], 'plain')}，{rank_words(d['rc'], d['rp'], '居')}。"
    xid = sentence(sid, text)
    facts.append({"id": "industry-above-scale-va", "name": name,
                  "name_en": "Value added of industrial enterprises above designated size", "sentence": xid,
                  "growth": growth(d["g"], "cumulative_year_on_year", "comparable"),
                  "gaps": gaps(d["g"], d["prov"], d["city"]), "ranks": ranks(d["rc"], d["rp"])})
    if chg:
        facts.append(change_fact("industry-above-scale-va-growth-change", f"{name}增速",
                                 "Growth of value added of industrial enterprises above designated size (change in points)",
                                 d["g"] - prev, span(months[months.index(m) - 1]), xid))

    # --- investment
    d = inv[m]
    prev = prev_of(inv, "g")
    if d["g"] < 0:
        cn, en = ("固定资产投资降幅收窄", "The fall in investment narrowed") if prev is not None and d["g"] > prev else ("固定资产投资同比下降", "Investment fell year on year")
    elif prev is not None and d["g"] < prev:
        cn, en = "投资增速小幅回落", "Investment growth eased slightly"
    else:
        cn, en = "固定资产投资持续回升", "Investment continued to recover"
    sid = section(cn, en)
    chg = "，" + change_words(d["g"], prev, span(months[months.index(m) - 1])) if m in CHANGES.get((year, "investment"), ()) else ""
    rk = rank_words(d["rc"], d["rp"], "居" if variant else "排")
    text = f"{sp}，全县固定资产投资同比{g_words(d['g'])}{chg}，{gap_words(d['g'], d['prov'], d['city'], 'plain')}，{rk}。"
    xid = sentence(sid, text)
    facts.append({"id": "investment", "name": "固定资产投资", "name_en": "Fixed-asset investment", "sentence": xid,
                  "growth": growth(d["g"], "cumulative_year_on_year", "current"),
                  "gaps": gaps(d["g"], d["prov"], d["city"]), "ranks": ranks(d["rc"], d["rp"])})
    if chg:
        facts.append(change_fact("investment-growth-change", "固定资产投资增速", "Growth of fixed-asset investment (change in points)",
                                 d["g"] - prev, span(months[months.index(m) - 1]), xid))

    # --- retail
    if (year, m, "retail") not in MISSING:
        lvl, g = LEVELS["retail"][year][m]
        sid = section("消费市场稳步恢复" if variant != 1 else "消费品市场运行平稳",
                      "Consumption recovered steadily" if variant != 1 else "The consumer market ran smoothly")
        chg = ""
        if m in CHANGES.get((year, "retail"), ()):
            pm = months[months.index(m) - 1]
            chg = "，" + change_words(g, LEVELS["retail"][year][pm][1], span(pm))
        if variant == 0:
            text = f"{sp}，全县实现社会消费品零售总额{lvl}亿元，同比{g_words(g)}{chg}。"
        elif variant == 1:
            text = f"{sp}，全县社会消费品零售总额完成{lvl}亿元，同比{g_words(g)}{chg}。"
        else:
            text = f"{sp}，全县社会消费品零售总额累计达到{lvl}亿元，同比{g_words(g)}{chg}。"
        xid = sentence(sid, text)
        facts.append({"id": "retail-sales", "name": "社会消费品零售总额", "name_en": "Total retail sales of consumer goods",
                      "sentence": xid, "value": {"amount": s(lvl), "unit": "亿元"},
                      "growth": growth(g, "cumulative_year_on_year", "current")})
        if chg:
            pm = months[months.index(m) - 1]
            facts.append(change_fact("retail-sales-growth-change", "社会消费品零售总额增速",
                                     "Growth of total retail sales of consumer goods (change in points)",
                                     g - LEVELS["retail"][year][pm][1], span(pm), xid))

    # --- fiscal
    lvl, g = LEVELS["revenue"][year][m]
    d = rev[m]
    assert d["g"] == g
    sid = section("财政收入小幅下降" if g < 0 else "财政收支运行平稳", "Fiscal revenue fell slightly" if g < 0 else "Public finances ran smoothly")
    verb = "完成" if variant != 2 else "实现"
    text = f"{sp}，全县一般公共预算收入{verb}{lvl}亿元，同比{g_words(g)}，{gap_words(g, d['prov'], d['city'], 'plain')}，{rank_words(d['rc'], None, '居')}。"
    xid = sentence(sid, text)
    facts.append({"id": "revenue", "name": "一般公共预算收入", "name_en": "General public budget revenue", "sentence": xid,
                  "value": {"amount": s(lvl), "unit": "亿元"}, "growth": growth(g, "cumulative_year_on_year", "current"),
                  "gaps": gaps(g, d["prov"], d["city"]), "ranks": ranks(d["rc"], None)})
    lvl, g = LEVELS["expend"][year][m]
    text = f"一般公共预算支出{lvl}亿元，同比{g_words(g)}。" if variant != 1 else f"全县一般公共预算支出完成{lvl}亿元，同比{g_words(g)}。"
    xid = sentence(sid, text)
    facts.append({"id": "expenditure", "name": "一般公共预算支出", "name_en": "General public budget expenditure", "sentence": xid,
                  "value": {"amount": s(lvl), "unit": "亿元"}, "growth": growth(g, "cumulative_year_on_year", "current")})

    published = {2: 18, 3: 17, 4: 17, 5: 18, 6: 17, 7: 16, 8: 18, 9: 18, 10: 15, 11: 17, 12: 20}[m]
    py, pm = (year + 1, 1) if m == 12 else (year, m + 1)
    footnotes.append({"id": "1", "text": "地区生产总值、规模以上工业增加值增速按可比价格计算，其他指标增速按现行价格计算。"})
    footnotes.append({"id": "2", "text": NOTE})
    release = {
        "id": rid, "kind": "indicators", "place": PLACE, "place_en": PLACE_EN, "title": title,
        "title_en": f"Main economic indicators of {PLACE_EN}, {span_en(year, m)} (invented sample data)",
        "publishers": [PUB], "publishers_en": [PUB_EN],
        "period": {"kind": "cumulative", "year": year, "from_month": 1, "to_month": m},
        "published": f"{py}-{pm:02d}-{published:02d}", "status": "preliminary",
        "source": {"document": f"{PUB}《统计月报》{year}年{sp}（虚构）",
                   "document_en": f"{PUB_EN}, Monthly Statistics, {span_en(year, m)} (invented)", "note": NOTE},
        "footnotes": footnotes, "sections": sections, "sentences": sentences, "facts": facts,
    }
    return release


def bulletin(year):
    rid = f"{year}-bulletin"
    gdp, gg = GDP[year]
    (p, sec, t), (g1, g2, g3), terms = industries(year)
    pop, pop_prev = D(POP[year]), D(POP[year - 1])
    base_for_gdp = D(GDP_2023_FINAL[0]) if year == 2024 else None
    per_capita = r(D(gdp) * 10 ** 8 / ((pop + pop_prev) / 2 * 10 ** 4), 0)
    pc_g = r(((1 + D(gg) / 100) / (pop / pop_prev) - 1) * 100, 1)
    sections = [("综合", "Overview"), ("工业", "Industry"), ("固定资产投资", "Fixed-asset investment"),
                ("国内贸易", "Domestic trade"), ("财政", "Public finance"), ("人民生活", "Living standards"), ("人口", "Population")]
    secs = [{"id": f"s{i + 1}", "title": f"{CN_NUM[i]}、{cn}", "title_en": f"{'I II III IV V VI VII'.split()[i]}. {en}"}
            for i, (cn, en) in enumerate(sections)]
    sentences, facts = [], []

    def sentence(sid, text):
        k = sum(1 for x in sentences if x["section"] == sid) + 1
        xid = f"{sid}-{k}"
        sentences.append({"id": xid, "section": sid, "text": text})
        return xid

    lead = "经初步核算，" if year % 2 == 0 else "初步核算，"
    x = sentence("s1", f"{lead}{year}年全县实现地区生产总值{gdp}亿元，按可比价格计算，比上年增长{gg}%[2]。")
    facts.append({"id": "gdp", "name": "地区生产总值", "name_en": "Gross regional product", "sentence": x,
                  "value": {"amount": gdp, "unit": "亿元"}, "growth": growth(gg, "previous_year", "comparable"), "footnotes": ["2"]})
    intro = "分产业看" if year % 2 else "其中"
    x = sentence("s1", f"{intro}，第一产业增加值{p}亿元，{g_words(g1)}；第二产业增加值{sec}亿元，{g_words(g2)}；第三产业增加值{t}亿元，{g_words(g3)}。")
    for fid, cn, en, v, g in (("gdp-primary", "第一产业增加值", "Value added of the primary industry", p, g1),
                              ("gdp-secondary", "第二产业增加值", "Value added of the secondary industry", sec, g2),
                              ("gdp-tertiary", "第三产业增加值", "Value added of the tertiary industry", t, g3)):
        facts.append({"id": fid, "name": cn, "name_en": en, "sentence": x, "value": {"amount": s(v), "unit": "亿元"},
                      "growth": growth(g, "previous_year", "comparable"), "footnotes": ["2"]})
    ratio_sentence = sentence("s1", f"三次产业结构比为{terms[0]}:{terms[1]}:{terms[2]}。")
    x = sentence("s1", f"按常住人口计算，全年人均地区生产总值{per_capita}元，比上年增长{pc_g}%。")
    facts.append({"id": "gdp-per-capita", "name": "人均地区生产总值", "name_en": "Per-capita GDP (resident population)", "sentence": x,
                  "value": {"amount": s(per_capita), "unit": "元"}, "growth": growth(pc_g, "previous_year", "comparable"), "footnotes": ["2"]})
    if year == 2024:
        lvl, g = GDP_2023_FINAL
        x = sentence("s1", f"经最终核实，2023年全县地区生产总值为{lvl}亿元，比上年增长{g}%。")
        facts.append({"id": "gdp-2023-final", "indicator": "gdp", "name": "地区生产总值", "name_en": "Gross regional product",
                      "sentence": x, "period": {"kind": "year", "year": 2023}, "value": {"amount": lvl, "unit": "亿元"},
                      "growth": growth(g, "previous_year", "comparable"), "footnotes": ["2"],
                      "note": "经最终核实"})
    x = sentence("s2", f"全年全县规模以上工业增加值比上年{g_words(INDUSTRY_G[year])}。")
    facts.append({"id": "industry-above-scale-va", "name": "规模以上工业增加值",
                  "name_en": "Value added of industrial enterprises above designated size", "sentence": x,
                  "growth": growth(INDUSTRY_G[year], "previous_year", "comparable")})
    x = sentence("s3", f"全年全县固定资产投资比上年{g_words(INVEST_G[year])}[3]。")
    facts.append({"id": "investment", "name": "固定资产投资", "name_en": "Fixed-asset investment", "sentence": x,
                  "growth": growth(INVEST_G[year], "previous_year", "current"), "footnotes": ["3"]})
    lvl, g, _ = RETAIL_Y[year]
    x = sentence("s4", f"全年全县实现社会消费品零售总额{lvl}亿元，比上年{g_words(g)}。")
    facts.append({"id": "retail-sales", "name": "社会消费品零售总额", "name_en": "Total retail sales of consumer goods", "sentence": x,
                  "value": {"amount": s(lvl), "unit": "亿元"}, "growth": growth(g, "previous_year", "current")})
    lvl, g, _ = REVENUE_Y[year]
    x = sentence("s5", f"全年全县一般公共预算收入{lvl}亿元，比上年{g_words(g)}。")
    facts.append({"id": "revenue", "name": "一般公共预算收入", "name_en": "General public budget revenue", "sentence": x,
                  "value": {"amount": s(lvl), "unit": "亿元"}, "growth": growth(g, "previous_year", "current")})
    lvl, g, _ = EXPEND_Y[year]
    x = sentence("s5", f"一般公共预算支出{lvl}亿元，比上年{g_words(g)}。")
    facts.append({"id": "expenditure", "name": "一般公共预算支出", "name_en": "General public budget expenditure", "sentence": x,
                  "value": {"amount": s(lvl), "unit": "亿元"}, "growth": growth(g, "previous_year", "current")})
    (ul, ug, ui), (rl, rg, ri) = URBAN_Y[year], RURAL_Y[year]
    x = sentence("s6", f"全年全县城镇居民人均可支配收入{ul}元，比上年增加{ui}元，增长{ug}%；农村居民人均可支配收入{rl}元，比上年增加{ri}元，增长{rg}%。")
    for fid, cn, en, v, g, inc in (("urban-income", "城镇居民人均可支配收入", "Per-capita disposable income of urban residents", ul, ug, ui),
                                   ("rural-income", "农村居民人均可支配收入", "Per-capita disposable income of rural residents", rl, rg, ri)):
        facts.append({"id": fid, "name": cn, "name_en": en, "sentence": x, "value": {"amount": s(v), "unit": "元"},
                      "growth": growth(g, "previous_year", "current"), "increase": {"amount": s(inc), "unit": "元"}})
    inc = pop - pop_prev
    word = f"增加{s(inc)}万人" if inc > 0 else f"减少{s(-inc)}万人"
    x = sentence("s7", f"年末全县常住人口{pop}万人，比上年末{word}。")
    facts.append({"id": "population", "name": "常住人口", "name_en": "Resident population", "sentence": x,
                  "period": {"kind": "as_of", "date": f"{year}-12-31"}, "value": {"amount": s(pop), "unit": "万人"},
                  "increase": {"amount": s(inc), "unit": "万人"}, "note": "年末"})
    release = {
        "id": rid, "kind": "bulletin", "place": PLACE, "place_en": PLACE_EN,
        "title": f"{PLACE}{year}年国民经济和社会发展统计公报（虚构样例数据）",
        "title_en": f"{PLACE_EN} {year} Statistical Bulletin on National Economic and Social Development (invented sample data)",
        "publishers": [PUB], "publishers_en": [PUB_EN], "period": {"kind": "year", "year": year},
        "published": f"{year + 1}-04-{[16, 15, 14, 16, 15][year - 2020]:02d}", "status": "preliminary",
        "source": {"document": f"{PUB}网站（虚构）", "document_en": f"{PUB_EN} website (invented)",
                   "note": NOTE + "本公报中财政数据来自样例县财政局；其他数据均来自样例县统计局。"},
        "footnotes": [
            {"id": "1", "text": f"本公报中{year}年数据均为初步统计数。"},
            {"id": "2", "text": "地区生产总值、各产业增加值和人均地区生产总值绝对数按现行价格计算，增长速度按不变价格计算。"},
            {"id": "3", "text": "不公布固定资产投资总量。"},
            {"id": "4", "text": NOTE},
        ],
        "sections": secs, "sentences": sentences, "facts": facts,
        "breakdowns": [{"id": "gdp-by-industry", "name": "三次产业", "name_en": "three industries", "kind": "exhaustive",
                        "total": "gdp", "parts": ["gdp-primary", "gdp-secondary", "gdp-tertiary"]}],
        "ratios": [{"id": "gdp-structure", "name": "三次产业结构比", "name_en": "Structure of the three industries",
                    "terms": [s(x) for x in terms], "labels": ["第一产业", "第二产业", "第三产业"],
                    "labels_en": ["Primary industry", "Secondary industry", "Tertiary industry"],
                    "breakdown": "gdp-by-industry", "sentence": ratio_sentence}],
    }
    return release


def dump(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    out = {}
    for m in M24:
        out[f"2024-1-{m}-indicators"] = monthly(2024, m)
    for m in M25:
        out[f"2025-1-{m}-indicators"] = monthly(2025, m)
    for y in YEARS:
        out[f"{y}-bulletin"] = bulletin(y)
    for rid, rel in out.items():
        if rid == "2025-1-7-indicators":
            dump(os.path.join(ROOT, "texts", f"{rid}.json"), rel)
        else:
            dump(os.path.join(ROOT, "releases", f"{rid}.json"), rel)
