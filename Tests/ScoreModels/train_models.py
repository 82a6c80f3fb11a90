"""Train small LightGBM models on synthetic credeau features and write, for each model, the
model text, prediction rows and Python's own predictions, for the Swift cross-check in
Tests/CredeauKitTests/Scoring.

Usage: train_models.py OUTDIR --features NAME,... (8 numeric names) --text-feature NAME

OUTDIR/manifest.json lists every model. Rows and predictions are raw little-endian float64
arrays (row-major), so the Swift side reads exactly the doubles Python used.
"""
import argparse
import json
import os

import lightgbm as lgb
import numpy as np
import pandas as pd

TRAIN_ROWS = 4_000
PREDICT_ROWS = 10_000
CATEGORY_COLUMN = 3

# Values that probe the missing-value and zero rules: LightGBM's zero threshold is 1e-35f.
SPECIAL_NUMBERS = [np.nan, 0.0, -0.0, 1e-36, -1e-36, 1e-35, float(np.float32(1e-35)), -float(np.float32(1e-35)),
                   2e-35, -3e-35, 5e-324, -1e-300, 1e300, -1e300, np.inf, -np.inf]
# Values that probe the categorical rules: truncation toward zero, negatives, unseen and huge codes.
SPECIAL_CATEGORIES = [np.nan, -1.0, -0.5, -0.0, 0.5, 2.7, 31.0, 63.0, 64.0, 100.0, 1000.0,
                      2.0**31 - 1, 2.0**31, 3e9, 1e20, np.inf, -np.inf]


def make_features(rng, rows):
    """Eight columns shaped like credeau features: amounts with gaps, counts, a category code."""
    x = np.empty((rows, 8))
    x[:, 0] = rng.lognormal(8, 1.5, rows)                      # an amount, sometimes null
    x[rng.random(rows) < 0.15, 0] = np.nan
    x[:, 1] = np.where(rng.random(rows) < 0.3, 0.0, rng.normal(0, 2, rows))  # many exact zeros
    x[:, 2] = rng.poisson(4, rows).astype(float)                # a count
    x[:, 3] = rng.integers(0, 40, rows).astype(float)           # a category code
    x[:, 4] = rng.normal(10, 5, rows)
    x[rng.random(rows) < 0.25, 4] = np.nan
    x[:, 5] = (rng.random(rows) < 0.2).astype(float)            # a flag
    x[:, 6] = rng.random(rows)                                  # a share, sometimes null
    x[rng.random(rows) < 0.1, 6] = np.nan
    x[:, 7] = rng.normal(size=rows)
    return x


def signal(x):
    amount = np.nan_to_num(np.log1p(np.nan_to_num(x[:, 0], nan=0.0)), nan=0.0)
    category = np.isin(x[:, 3], [1, 4, 9, 16, 25, 36]).astype(float) - np.isin(x[:, 3], [2, 3, 5]).astype(float)
    return (0.4 * (amount - 8) + 0.5 * x[:, 1] - 0.2 * x[:, 2] + 1.2 * category
            + 0.1 * np.nan_to_num(x[:, 4], nan=15.0) - 1.0 + x[:, 5] - np.nan_to_num(x[:, 6], nan=0.9))


def split_thresholds(booster):
    """Numerical split thresholds of each feature, from the model's JSON dump."""
    found = {}

    def walk(node):
        if "split_feature" not in node:
            return
        if node["decision_type"] == "<=":
            found.setdefault(node["split_feature"], []).append(node["threshold"])
        walk(node["left_child"])
        walk(node["right_child"])

    for tree in booster.dump_model()["tree_info"]:
        walk(tree["tree_structure"])
    return found


def prediction_rows(rng, booster):
    """Fresh rows with special values, exact split thresholds and their neighbours mixed in."""
    x = make_features(rng, PREDICT_ROWS)
    for row in range(PREDICT_ROWS):
        if rng.random() < 0.3:
            column = rng.integers(0, 8)
            specials = SPECIAL_CATEGORIES if column == CATEGORY_COLUMN else SPECIAL_NUMBERS
            x[row, column] = specials[rng.integers(0, len(specials))]
    for column, thresholds in split_thresholds(booster).items():
        chosen = rng.random(PREDICT_ROWS) < 0.2
        values = np.array(thresholds)[rng.integers(0, len(thresholds), chosen.sum())]
        nudge = rng.integers(-1, 2, len(values))
        values = np.where(nudge < 0, np.nextafter(values, -np.inf), np.where(nudge > 0, np.nextafter(values, np.inf), values))
        x[chosen, column] = values
    return x


def write(out, name, booster, x, entry, num_iteration=None):
    model_file = f"{name}.txt"
    booster.save_model(os.path.join(out, model_file))
    # Predict with the saved text, which is what credeau reads.
    saved = lgb.Booster(model_file=os.path.join(out, model_file))
    predictions = saved.predict(x, num_iteration=num_iteration)
    np.ascontiguousarray(x, dtype="<f8").tofile(os.path.join(out, f"{name}.rows.f64"))
    np.ascontiguousarray(predictions, dtype="<f8").tofile(os.path.join(out, f"{name}.predictions.f64"))
    entry.update(name=name, model=model_file, rows=f"{name}.rows.f64", predictions=f"{name}.predictions.f64",
                 row_count=x.shape[0], feature_count=x.shape[1],
                 output_count=1 if predictions.ndim == 1 else predictions.shape[1], num_iteration=num_iteration)
    return entry


def train(features, x, y, params, rounds, categorical=(CATEGORY_COLUMN,)):
    base = {"verbose": -1, "num_threads": 1, "deterministic": True, "min_data_per_group": 10,
            "cat_smooth": 1.0, "max_cat_to_onehot": 4, "seed": 7}
    data = lgb.Dataset(x, y, feature_name=features, categorical_feature=list(categorical), free_raw_data=False)
    return lgb.train({**base, **params}, data, num_boost_round=rounds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--features", required=True)
    parser.add_argument("--text-feature", required=True)
    args = parser.parse_args()
    features = args.features.split(",")
    assert len(features) == 8, "pass exactly 8 numeric feature names"
    rng = np.random.default_rng(20261204)
    x = make_features(rng, TRAIN_ROWS)
    score = signal(x)
    probability = 1 / (1 + np.exp(-score))
    label = (rng.random(TRAIN_ROWS) < probability).astype(float)
    target = score + rng.normal(0, 0.3, TRAIN_ROWS)
    classes = np.digitize(score + rng.normal(0, 0.5, TRAIN_ROWS), [-0.5, 0.8]).astype(float)
    counts = rng.poisson(np.exp(np.clip(score, -3, 3) / 2))
    positive = np.exp(np.clip(target, -4, 4) / 3)

    # (name, params, label, rounds, extra write options)
    specs = [
        ("binary", {"objective": "binary", "num_leaves": 31}, label, 150, {}),
        ("binary_first_40", {"objective": "binary", "num_leaves": 31}, label, 150, {"num_iteration": 40}),
        ("regression_zero_missing", {"objective": "regression", "num_leaves": 31, "zero_as_missing": True}, target, 150, {}),
        ("multiclass", {"objective": "multiclass", "num_class": 3, "num_leaves": 15}, classes, 60, {}),
        ("binary_no_missing", {"objective": "binary", "use_missing": False, "num_leaves": 15}, label, 40, {}),
        ("binary_sigmoid", {"objective": "binary", "sigmoid": 0.7, "num_leaves": 15}, label, 40, {}),
        ("regression_sqrt", {"objective": "regression", "reg_sqrt": True, "num_leaves": 15}, target, 40, {}),
        ("regression_l1", {"objective": "regression_l1", "num_leaves": 15}, target, 40, {}),
        ("huber", {"objective": "huber", "num_leaves": 15}, target, 40, {}),
        ("quantile", {"objective": "quantile", "alpha": 0.8, "num_leaves": 15}, target, 40, {}),
        ("fair", {"objective": "fair", "num_leaves": 15}, target, 40, {}),
        ("mape", {"objective": "mape", "num_leaves": 15}, positive, 40, {}),
        ("poisson", {"objective": "poisson", "num_leaves": 15}, counts, 40, {}),
        ("gamma", {"objective": "gamma", "num_leaves": 15}, positive, 40, {}),
        ("tweedie", {"objective": "tweedie", "num_leaves": 15}, counts, 40, {}),
        ("cross_entropy", {"objective": "cross_entropy", "num_leaves": 15}, probability, 40, {}),
        ("cross_entropy_lambda", {"objective": "cross_entropy_lambda", "num_leaves": 15}, probability, 40, {}),
        ("multiclassova", {"objective": "multiclassova", "num_class": 3, "num_leaves": 15}, classes, 30, {}),
        ("random_forest", {"objective": "binary", "boosting": "rf", "bagging_fraction": 0.7, "bagging_freq": 1,
                           "feature_fraction": 0.8, "num_leaves": 31}, label, 60, {}),
        ("dart", {"objective": "binary", "boosting": "dart", "drop_rate": 0.2, "num_leaves": 15}, label, 40, {}),
        ("goss", {"objective": "binary", "data_sample_strategy": "goss", "num_leaves": 15}, label, 40, {}),
    ]
    entries = []
    for name, params, y, rounds, options in specs:
        booster = train(features, x, y, params, rounds)
        entries.append(write(args.out, name, booster, prediction_rows(rng, booster), {}, **options))

    linear = train(features, np.nan_to_num(x), target, {"objective": "regression", "linear_tree": True, "num_leaves": 7}, 5,
                   categorical=())
    linear.save_model(os.path.join(args.out, "linear.txt"))

    manifest = {"features": features, "models": entries, "linear_model": "linear.txt",
                "text_model": text_model(args.out, rng, features, args.text_feature)}
    with open(os.path.join(args.out, "manifest.json"), "w") as handle:
        json.dump(manifest, handle)


def text_model(out, rng, features, text_feature):
    """A binary model trained on a pandas frame whose text feature is a category column."""
    brands = ["xiaomi", "samsung", "vivo", "oppo", "realme", "apple", "motorola", "nokia"]
    columns = [features[0], text_feature, features[1]]

    def frame(rows, categories):
        brand = np.array(categories, dtype=object)[rng.integers(0, len(categories), rows)]
        brand[rng.random(rows) < 0.1] = None
        amount = rng.lognormal(8, 1.5, rows)
        amount[rng.random(rows) < 0.1] = np.nan
        return pd.DataFrame({columns[0]: amount, columns[1]: pd.Categorical(brand, categories=categories),
                             columns[2]: rng.normal(size=rows)}), brand

    train_frame, brand = frame(TRAIN_ROWS, brands)
    lift = np.isin(brand, ["apple", "samsung"]) * 1.5 - np.isin(brand, ["nokia", "realme", "oppo"]) * 1.0
    label = (rng.random(TRAIN_ROWS) < 1 / (1 + np.exp(-(lift + train_frame[columns[2]])))).astype(float)
    booster = lgb.train({"objective": "binary", "verbose": -1, "num_threads": 1, "num_leaves": 15, "min_data_per_group": 10,
                         "cat_smooth": 1.0, "max_cat_to_onehot": 2}, lgb.Dataset(train_frame, label), num_boost_round=40)
    booster.save_model(os.path.join(out, "text_category.txt"))
    saved = lgb.Booster(model_file=os.path.join(out, "text_category.txt"))
    # Brands unseen in training (and a case variant) must score as missing values, as Python maps them.
    predict_frame, predict_brand = frame(PREDICT_ROWS, brands + ["tecno", "", "Samsung"])
    predictions = saved.predict(predict_frame)
    numbers = predict_frame[[columns[0], columns[2]]].to_numpy(dtype="<f8")
    numbers.tofile(os.path.join(out, "text_category.numbers.f64"))
    np.ascontiguousarray(predictions, dtype="<f8").tofile(os.path.join(out, "text_category.predictions.f64"))
    return {"model": "text_category.txt", "columns": columns, "numbers": "text_category.numbers.f64",
            "texts": [None if value is None else str(value) for value in predict_brand],
            "predictions": "text_category.predictions.f64", "row_count": PREDICT_ROWS}


if __name__ == "__main__":
    main()
