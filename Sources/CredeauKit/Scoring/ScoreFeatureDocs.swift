/// The score-feature section of docs/features.md. Score names depend on the model files a
/// deployment loads, so the section describes the pattern rather than listing features.
enum ScoreFeatureDocs {
    static let markdownLines: [String] = [
        "## Score features",
        "",
        "A deployment that loads LightGBM models (`SCORE_MODELS_DIR` and the model path variables, see "
            + "[scores.md](scores.md)) adds these features for each model file `NAME.txt`, in the "
            + "`\(ScoreModelSet.groupingName)` grouping, to every answer that asks for that grouping or for all "
            + "groupings. The model path variables serve the names "
            + ScoreModelLoader.pathVariables.map { "`\($0.name)` (`\($0.variable)`)" }.joined(separator: ", ") + ".",
        "",
        "| name | grouping | window | unit | null rule | definition |",
        "|---|---|---|---|---|---|",
        "| `score_NAME` | \(ScoreModelSet.groupingName) | - | number | never null, except a prediction too large "
            + "for a double (possible only for objectives that exponentiate: `poisson`, `gamma`, `tweedie`, "
            + "`cross_entropy_lambda`) | The model's prediction, as Python's `Booster.predict` returns it: the "
            + "probability of the positive class for `binary` models, the predicted value for regressions |",
        "| `score_NAME_class_K` | \(ScoreModelSet.groupingName) | - | share | never null | For `multiclass` and "
            + "`multiclassova` models, in place of `score_NAME`: the probability of class K, for K from 0 |",
        "| `score_NAME_version` | \(ScoreModelSet.groupingName) | - | text | never null | The first 16 hexadecimal "
            + "digits of the SHA-256 of the model text (after decryption), which tell apart the model files that "
            + "produced scores |",
    ]
}
