"""Reference values for the loss-core tests, computed independently of the core.

Python's `decimal` module at 50 significant digits, straight from the definitions
(no max shift, no log-sum-exp tricks: at 50 digits they are not needed for these inputs).
Run `python3 tests/reference/reference.py`; the tests quote its output with 17 digits.
"""
from decimal import Decimal as D, getcontext

getcontext().prec = 50


def softmax(z, t=D(1)):
    e = [(x / t).exp() for x in z]
    s = sum(e)
    return [x / s for x in e]


def log_softmax(z, t=D(1)):
    return [x.ln() for x in softmax(z, t)]


def smoothed(target, c, eps):
    t = [D(1) if i == target else D(0) for i in range(c)] if isinstance(target, int) else target
    return [(1 - eps) * x + eps / c for x in t]


def cross_entropy_from_logits(z, target, t=D(1), eps=D(0)):
    tt = smoothed(target, len(z), eps)
    return -sum(a * b for a, b in zip(tt, log_softmax(z, t)) if a != 0)


def gradient(z, target, t=D(1), eps=D(0)):
    tt = smoothed(target, len(z), eps)
    return [(y - a) / t for y, a in zip(softmax(z, t), tt)]


def show(name, value):
    if isinstance(value, list):
        print(name, "=", ", ".join(f"{v:.17e}" for v in value))
    else:
        print(name, "=", f"{value:.17e}")


z3 = [D(1), D(2), D(3)]
show("softmax([1, 2, 3])", softmax(z3))
show("logSoftmax([1, 2, 3])", log_softmax(z3))
show("logSumExp([1, 2, 3])", sum(x.exp() for x in z3).ln())
show("softmax([1, 2, 3], T=0.5)", softmax(z3, D("0.5")))
show("softmax([1, 2, 3], T=10)", softmax(z3, D(10)))

zt = [D("1.5"), D("-0.3"), D("0.8")]
show("crossEntropyFromLogits([1.5, -0.3, 0.8], 2)", cross_entropy_from_logits(zt, 2))
show("crossEntropyFromLogits([1.5, -0.3, 0.8], 2, T=2, eps=0.1)",
     cross_entropy_from_logits(zt, 2, D(2), D("0.1")))
soft = [D("0.2"), D("0.3"), D("0.5")]
show("crossEntropyFromLogits([1.5, -0.3, 0.8], [0.2, 0.3, 0.5], T=0.7, eps=0.25)",
     cross_entropy_from_logits(zt, soft, D("0.7"), D("0.25")))
show("logitGradient([1.5, -0.3, 0.8], 2)", gradient(zt, 2))
show("logitGradient([1.5, -0.3, 0.8], 2, T=2, eps=0.1)", gradient(zt, 2, D(2), D("0.1")))

# The slides: logits (ln 19, 0) give Dog 0.95 / Cat 0.05; loss of the true Dog is -ln 0.95.
show("-ln 0.95", -D("0.95").ln())
show("-ln 0.9", -D("0.9").ln())

p = [D("0.2"), D("0.3"), D("0.5")]
q = [D("0.1"), D("0.6"), D("0.3")]
show("entropy([0.2, 0.3, 0.5])", -sum(x * x.ln() for x in p))
show("crossEntropy(p=[0.2, 0.3, 0.5], q=[0.1, 0.6, 0.3])", -sum(a * b.ln() for a, b in zip(p, q)))
show("klDivergence(p=[0.2, 0.3, 0.5], q=[0.1, 0.6, 0.3])", sum(a * (a / b).ln() for a, b in zip(p, q)))

# The slides' NN1 / NN2 table.
nn1 = [[D("0.9"), D("0.1")], [D("0.1"), D("0.9")], [D("0.4"), D("0.6")]]
nn2 = [[D("0.6"), D("0.4")], [D("0.3"), D("0.7")], [D("0.1"), D("0.9")]]
truth = [[D(1), D(0)], [D(0), D(1)], [D(1), D(0)]]
for name, rows in (("NN1", nn1), ("NN2", nn2)):
    mse = sum(sum((a - b) ** 2 for a, b in zip(r, t)) for r, t in zip(rows, truth)) / 3
    ce = sum(-sum(b * a.ln() for a, b in zip(r, t) if b != 0) for r, t in zip(rows, truth)) / 3
    show(name + " meanSquaredError", mse)
    show(name + " crossEntropy", ce)

# The page's presets and edits (tests/browser/page.spec.js).
z = [D(2), D(1), D("0.1")]
show("softmax([2, 1, 0.1])", softmax(z))
show("crossEntropyFromLogits([2, 1, 0.1], 0)", cross_entropy_from_logits(z, 0))
show("softmax([2, 1, 0.1], T=4)", softmax(z, D(4)))
show("crossEntropyFromLogits([2, 1, 0.1], 0, T=4)", cross_entropy_from_logits(z, 0, D(4)))
show("logitGradient([2, 1, 0.1], 0, T=4)", gradient(z, 0, D(4)))
show("crossEntropyFromLogits([4, -2], 1)", cross_entropy_from_logits([D(4), D(-2)], 1))
show("softmax([4, -2])", softmax([D(4), D(-2)]))
show("-ln 0.5", -D("0.5").ln())
show("softmax([2, 0.5])", softmax([D(2), D("0.5")]))
show("crossEntropyFromLogits([2, 0.5], 1)", cross_entropy_from_logits([D(2), D("0.5")], 1))
show("logitGradient([2, 0.5], 1)", gradient([D(2), D("0.5")], 1))
show("softmax([2, 0.5, 0])", softmax([D(2), D("0.5"), D(0)]))

# web/static/example-predictions.csv: the three metrics over its 8 rows.
rows = [("0.80", "0.15", "0.05", 0), ("0.10", "0.70", "0.20", 1), ("0.30", "0.30", "0.40", 2),
        ("0.60", "0.30", "0.10", 1), ("0.05", "0.05", "0.90", 2), ("0.25", "0.50", "0.25", 0),
        ("0.90", "0.05", "0.05", 0), ("0.20", "0.20", "0.60", 2)]
ce = sum(-D(r[r[3]]).ln() for r in rows) / len(rows)
mse = sum(sum((D(r[k]) - (1 if k == r[3] else 0)) ** 2 for k in range(3)) for r in rows) / len(rows)
show("example-predictions.csv crossEntropy", ce)
show("example-predictions.csv meanSquaredError", mse)
# tests/fixtures/bad-lines.csv: the valid lines 2, 7 and 8 (0.9/0.1 Dog, 0.1/0.9 Cat, 0.4/0.6 Dog).
show("bad-lines.csv crossEntropy", (-D("0.9").ln() - D("0.9").ln() - D("0.4").ln()) / 3)
