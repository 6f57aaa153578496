#!/usr/bin/python3
"""Reference values for the dose-comparison tests (org.neuroatlas.core.stats.ReferenceValuesTest).

Writes, next to this script:
  reference_samples.csv   a sample sheet without path columns (groups in sheet order saline, ketamine-100, ketamine-30)
  reference_values.csv    a long table like map's counts (sample_id, atlas, region_id, acronym, depth, hemisphere, count)
  reference_expected.csv  the expected statistics per region x hemisphere x contrast
  reference_primitives.csv single tests on chosen samples (unequal sizes, ties, tiny p-values, larger exact cases)
  reference_versions.txt  the source of the numbers and the SciPy / numpy versions used

Independent of the Java engine: descriptives with numpy, Welch t with scipy.stats.ttest_ind(equal_var=False),
Mann-Whitney U with scipy.stats.mannwhitneyu (method 'exact' without ties, 'asymptotic' with ties), Kruskal-Wallis
with scipy.stats.kruskal, the dose trend with scipy.stats.linregress. Not in SciPy 1.10, so written out here:
Welch's ANOVA (Welch 1951, textbook formula, p from scipy.stats.f.sf), Jonckheere-Terpstra (exact p by enumerating
every assignment of the pooled values to the groups; with ties the normal approximation with the tie-corrected
variance of Hollander & Wolfe), Hedges' g with its normal-approximation CI, and Benjamini-Hochberg by hand.

Run with /usr/bin/python3 (SciPy 1.10.1, numpy 1.24.2):  /usr/bin/python3 make_reference.py
"""
import csv
import itertools
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(20261127)
ATLAS = "neuroatlas-demo@1/100um#reference"
# Sheet order differs from dose order on purpose: contrasts must come out by dose.
GROUPS = [("saline", 0.0), ("ketamine-100", 100.0), ("ketamine-30", 30.0)]
N_PER_GROUP = 4
CONTROL = "saline"
PSEUDO = 1.0
FDR = 0.05
# acronym, id, depth, mean count (both sides) per group in sheet order
REGIONS = [
    ("VTA", 749, 6, (400, 700, 520)),
    ("SNc", 374, 6, (300, 290, 310)),
    ("DR", 872, 6, (3, 8, 4)),
    ("ARH", 223, 6, (50, 50, 50)),
    ("CP", 672, 5, (1000, 600, 800)),
    ("RR", 246, 6, (1.5, 3, 2)),
    ("PVH", 38, 6, (20, 45, 30)),
    ("ZI", 797, 6, (120, 118, 125)),
]
# One empty value cell: this sample has no value for this region and side (left out, flagged missing_values).
EMPTY = ("ketamine-30_02", "SNc", "left")


def samples():
    out = []
    for g, dose in GROUPS:
        for i in range(1, N_PER_GROUP + 1):
            out.append((f"{g}_{i:02d}", g, dose))
    return out


def make_values():
    rows = []
    for sid, g, dose in samples():
        gi = [x[0] for x in GROUPS].index(g)
        for acr, rid, depth, means in REGIONS:
            left = int(RNG.poisson(means[gi] / 2))
            right = int(RNG.poisson(means[gi] / 2))
            for side, v in (("left", left), ("right", right), ("both", left + right)):
                cell = "" if (sid, acr, side) == EMPTY else str(v)
                rows.append([sid, ATLAS, rid, acr, depth, side, cell])
    return rows


def has_ties(*groups):
    x = np.concatenate(groups)
    return len(np.unique(x)) < len(x)


def hedges(t, c):
    nt, nc = len(t), len(c)
    sp = math.sqrt(((nt - 1) * np.var(t, ddof=1) + (nc - 1) * np.var(c, ddof=1)) / (nt + nc - 2))
    if sp == 0:
        return (math.nan,) * 3
    g = (1 - 3 / (4 * (nt + nc) - 9)) * (np.mean(t) - np.mean(c)) / sp
    se = math.sqrt((nt + nc) / (nt * nc) + g * g / (2 * (nt + nc)))
    z = stats.norm.ppf(0.975)
    return g, g - z * se, g + z * se


def welch_df(t, c):
    a = np.var(t, ddof=1) / len(t)
    b = np.var(c, ddof=1) / len(c)
    return (a + b) ** 2 / (a * a / (len(t) - 1) + b * b / (len(c) - 1))


def welch_anova(groups):
    k = len(groups)
    n = np.array([len(g) for g in groups], float)
    m = np.array([np.mean(g) for g in groups])
    v = np.array([np.var(g, ddof=1) for g in groups])
    if np.any(n < 2) or np.any(v == 0):
        return math.nan
    w = n / v
    mw = np.sum(w * m) / np.sum(w)
    a = np.sum(w * (m - mw) ** 2) / (k - 1)
    lam = np.sum((1 - w / np.sum(w)) ** 2 / (n - 1))
    f = a / (1 + 2 * (k - 2) / (k * k - 1) * lam)
    return stats.f.sf(f, k - 1, (k * k - 1) / (3 * lam))


def jt_statistic(groups):
    j = 0.0
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            for x in groups[a]:
                for y in groups[b]:
                    j += 1.0 if y > x else 0.5 if y == x else 0.0
    return j


def jt_p(groups):
    """groups in ascending dose; two-sided."""
    pooled = np.concatenate(groups)
    j = jt_statistic(groups)
    sizes = [len(g) for g in groups]
    n = len(pooled)
    if not has_ties(*groups):
        # Exact: every assignment of the pooled values to groups of these sizes, equally likely.
        idx = list(range(n))
        counts = {}
        total = 0

        def assign(remaining, k, chosen):
            nonlocal total
            if k == len(sizes) - 1:
                gs = chosen + [pooled[list(remaining)]]
                s = jt_statistic(gs)
                counts[s] = counts.get(s, 0) + 1
                total += 1
                return
            for comb in itertools.combinations(remaining, sizes[k]):
                rest = [i for i in remaining if i not in comb]
                assign(rest, k + 1, chosen + [pooled[list(comb)]])

        assign(idx, 0, [])
        upper = sum(c for s, c in counts.items() if s >= j - 1e-9) / total
        lower = sum(c for s, c in counts.items() if s <= j + 1e-9) / total
        return min(1.0, 2 * min(upper, lower))
    ns = np.array(sizes, float)
    _, t = np.unique(pooled, return_counts=True)
    t = t[t > 1].astype(float)
    mean = (n * n - np.sum(ns ** 2)) / 4
    var = ((n * (n - 1) * (2 * n + 5) - np.sum(ns * (ns - 1) * (2 * ns + 5)) - np.sum(t * (t - 1) * (2 * t + 5))) / 72
           + np.sum(ns * (ns - 1) * (ns - 2)) * np.sum(t * (t - 1) * (t - 2)) / (36 * n * (n - 1) * (n - 2))
           + np.sum(ns * (ns - 1)) * np.sum(t * (t - 1)) / (8 * n * (n - 1)))
    if var <= 0:
        return math.nan
    return min(1.0, 2 * stats.norm.sf(abs(j - mean) / math.sqrt(var)))


def bh(p):
    p = np.asarray(p, float)
    q = np.full(len(p), math.nan)
    ok = np.where(~np.isnan(p))[0]
    m = len(ok)
    if m == 0:
        return q
    order = ok[np.argsort(p[ok], kind="stable")]
    adj = p[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(adj[::-1])[::-1]
    q[order] = np.minimum(adj, 1.0)
    return q


def main():
    sheet = samples()
    values = make_values()
    with open(os.path.join(HERE, "reference_samples.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sample_id", "group", "dose_mg_kg"])
        for s in sheet:
            w.writerow([s[0], s[1], repr(s[2])])
    with open(os.path.join(HERE, "reference_values.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sample_id", "atlas", "region_id", "acronym", "depth", "hemisphere", "count"])
        w.writerows(values)
    lookup = {(r[0], r[3], r[5]): (float(r[6]) if r[6] != "" else None) for r in values}
    dose_of = dict(GROUPS)
    treated = sorted([g for g, _ in GROUPS if g != CONTROL], key=lambda g: dose_of[g])
    by_dose = sorted([g for g, _ in GROUPS], key=lambda g: dose_of[g])
    rows = []
    for acr, rid, depth, _ in REGIONS:
        for side in ("left", "right", "both"):
            data = {}
            doses = []
            allv = []
            for g, dose in GROUPS:
                v = [lookup[(s[0], acr, side)] for s in sheet if s[1] == g]
                v = np.array([x for x in v if x is not None])
                data[g] = v
                doses += [dose] * len(v)
                allv += list(v)
            across = {
                "p_anova": welch_anova([data[g] for g, _ in GROUPS]),
                "p_kw": stats.kruskal(*[data[g] for g, _ in GROUPS]).pvalue,
            }
            lr = stats.linregress(doses, allv)
            across["slope_per_mg_kg"] = lr.slope
            across["p_trend"] = lr.pvalue
            across["p_jt"] = jt_p([data[g] for g in by_dose])
            for g in treated:
                c, t = data[CONTROL], data[g]
                row = {"region": acr, "region_id": rid, "hemisphere": side, "contrast": f"{g} vs {CONTROL}",
                       "n_control": len(c), "n_treated": len(t)}
                for name, x in (("control", c), ("treated", t)):
                    row["mean_" + name] = np.mean(x)
                    row["sd_" + name] = np.std(x, ddof=1)
                    row["sem_" + name] = np.std(x, ddof=1) / math.sqrt(len(x))
                    row["median_" + name] = np.median(x)
                mc, mt = np.mean(c), np.mean(t)
                row["difference"] = mt - mc
                row["fold_change"] = mt / mc if mc != 0 else math.nan
                row["log2_fc"] = math.log2((mt + PSEUDO) / (mc + PSEUDO))
                row["pct_change"] = 100 * (mt - mc) / mc if mc != 0 else math.nan
                row["hedges_g"], row["hedges_g_ci_low"], row["hedges_g_ci_high"] = hedges(t, c)
                tt = stats.ttest_ind(t, c, equal_var=False)
                row["t_welch"], row["p_welch"] = tt.statistic, tt.pvalue
                row["df_welch"] = welch_df(t, c)
                mw = stats.mannwhitneyu(t, c, alternative="two-sided", method="asymptotic" if has_ties(t, c) else "exact")
                row["u_mwu"], row["p_mwu"] = mw.statistic, mw.pvalue
                row.update(across)
                rows.append(row)
    for side in ("left", "right", "both"):
        for g in treated:
            fam = [r for r in rows if r["hemisphere"] == side and r["contrast"] == f"{g} vs {CONTROL}"]
            for key in ("welch", "mwu"):
                for r, q in zip(fam, bh([r["p_" + key] for r in fam])):
                    r["q_" + key] = q
        first = [r for r in rows if r["hemisphere"] == side and r["contrast"] == f"{treated[0]} vs {CONTROL}"]
        for key in ("anova", "kw", "trend", "jt"):
            qs = dict(zip([r["region"] for r in first], bh([r["p_" + key] for r in first])))
            for r in rows:
                if r["hemisphere"] == side:
                    r["q_" + key] = qs[r["region"]]
    for r in rows:
        r["direction"] = ("up" if r["difference"] > 0 else "down") if r["q_welch"] < FDR else "ns"
    columns = ["region", "region_id", "hemisphere", "contrast", "n_control", "n_treated",
               "mean_control", "sd_control", "sem_control", "median_control",
               "mean_treated", "sd_treated", "sem_treated", "median_treated",
               "difference", "fold_change", "log2_fc", "pct_change", "hedges_g", "hedges_g_ci_low", "hedges_g_ci_high",
               "t_welch", "df_welch", "p_welch", "q_welch", "u_mwu", "p_mwu", "q_mwu",
               "p_anova", "q_anova", "p_kw", "q_kw", "slope_per_mg_kg", "p_trend", "q_trend", "p_jt", "q_jt", "direction"]
    with open(os.path.join(HERE, "reference_expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([("" if isinstance(r[c], float) and math.isnan(r[c]) else repr(float(r[c])))
                        if isinstance(r[c], (float, np.floating)) else r[c] for c in columns])
    write_primitives()
    with open(os.path.join(HERE, "reference_versions.txt"), "w") as f:
        f.write("# reference_samples.csv, reference_values.csv, reference_expected.csv and reference_primitives.csv were written by make_reference.py\n"
                f"# (same folder) with Python {sys.version.split()[0]}, SciPy {scipy.__version__}, numpy {np.__version__}; seed 20261127.\n"
                "# Do not edit them by hand: change the script and run it again with /usr/bin/python3.\n")


def write_primitives():
    """One test per row: case, test, groups ('|' between groups, spaces between values), expected numbers."""
    rng = np.random.default_rng(7)
    distinct = lambda n, mu: np.round(rng.normal(mu, 10, n), 6)
    ints = lambda n, lam: rng.poisson(lam, n).astype(float)
    cases = []

    def mwu(name, t, c):
        r = stats.mannwhitneyu(t, c, alternative="two-sided", method="asymptotic" if has_ties(t, c) else "exact")
        cases.append((name, "mwu", [t, c], [r.statistic, r.pvalue]))

    def jt(name, *gs):
        cases.append((name, "jt", list(gs), [jt_statistic(gs), jt_p(list(gs))]))

    def welch(name, t, c):
        r = stats.ttest_ind(t, c, equal_var=False)
        cases.append((name, "welch_t", [t, c], [r.statistic, welch_df(t, c), r.pvalue]))

    mwu("mwu exact 7 vs 9", distinct(7, 5), distinct(9, 0))
    mwu("mwu exact 1 vs 5", distinct(1, 0), distinct(5, 0))
    mwu("mwu exact 30 vs 25", distinct(30, 8), distinct(25, 0))
    mwu("mwu ties 6 vs 8", ints(6, 4), ints(8, 2))
    mwu("mwu ties 20 vs 15", ints(20, 6), ints(15, 5))
    jt("jt exact 5,3,4", distinct(5, 0), distinct(3, 5), distinct(4, 8))
    jt("jt exact 4,5", distinct(4, 0), distinct(5, 3))
    jt("jt ties 5,6,4", ints(5, 3), ints(6, 4), ints(4, 5))
    jt("jt ties 10,12,9,11", ints(10, 10), ints(12, 11), ints(9, 12), ints(11, 14))
    welch("welch unequal 5 vs 11", distinct(5, 3), distinct(11, 0))
    welch("welch tiny p", distinct(12, 200), distinct(12, 0))
    for name, gs in (("kw ties 4 groups", [ints(5, 3), ints(7, 4), ints(6, 6), ints(4, 3)]),
                     ("kw distinct 3 groups", [distinct(6, 0), distinct(5, 10), distinct(8, 4)])):
        r = stats.kruskal(*gs)
        cases.append((name, "kw", gs, [r.statistic, r.pvalue]))
    for name, gs in (("welch anova 4 groups", [distinct(5, 0), distinct(7, 4), distinct(6, 9), distinct(9, 2)]),
                     ("welch anova tiny p", [distinct(6, 0), distinct(6, 100), distinct(6, 200)])):
        cases.append((name, "welch_anova", gs, [welch_anova(gs)]))
    doses = np.repeat([0.0, 10.0, 30.0, 100.0], 5)
    vals = np.round(50 + 0.4 * doses + rng.normal(0, 8, len(doses)), 6)
    lr = stats.linregress(doses, vals)
    cases.append(("trend 4 doses", "trend", [doses, vals], [lr.slope, lr.pvalue]))
    t, c = distinct(6, 12), distinct(7, 0)
    cases.append(("hedges 6 vs 7", "hedges", [t, c], list(hedges(t, c))))
    p = np.array([0.01, math.nan, 0.04, 0.03, 0.03, 0.5, 0.0001, math.nan, 0.2, 0.049])
    cases.append(("bh with missing and ties", "bh", [p], list(bh(p))))
    with open(os.path.join(HERE, "reference_primitives.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "test", "groups", "expected"])
        for name, test, gs, exp in cases:
            w.writerow([name, test, "|".join(" ".join(repr(float(x)) for x in g) for g in gs),
                        " ".join(repr(float(x)) for x in exp)])


if __name__ == "__main__":
    main()
