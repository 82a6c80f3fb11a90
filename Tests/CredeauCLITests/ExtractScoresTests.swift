import CredeauKit
import Foundation
import Testing

/// `credeau extract` with a score model directory: the `scores` grouping in features mode.
@Suite struct ExtractScoresTests {
    /// A one-split LightGBM text model: users with more than 10 SMS in all time score 0.75.
    private static let model = """
        tree
        version=v4
        num_class=1
        num_tree_per_iteration=1
        label_index=0
        max_feature_idx=0
        feature_names=all_sms_count_all_nlp
        feature_infos=[0:100]
        tree_sizes=1

        Tree=0
        num_leaves=2
        num_cat=0
        split_feature=0
        split_gain=1
        threshold=10
        decision_type=2
        left_child=-1
        right_child=-2
        leaf_value=0.25 0.75
        leaf_weight=1 1
        leaf_count=1 1
        internal_value=0
        internal_weight=2
        internal_count=2
        is_linear=0
        shrinkage=1


        end of trees

        parameters:
        [boosting: gbdt]
        end of parameters

        pandas_categorical:null

        """

    @Test func scoresFollowTheirInputFeature() throws {
        let models = try CLITestSupport.makeTemporaryDirectory()
        try Self.model.write(to: models.appendingPathComponent("risk.txt"), atomically: true, encoding: .utf8)
        let result = try CLITestSupport.run(
            ["extract", "--input", "fixtures/sync_db", "--output", "-", "--cutoff-date", FeaturesTestSupport.fixtureCutoff,
             "--groupings", "extracted_sms,scores", "-q"],
            environment: ProcessInfo.processInfo.environment.merging(["SCORE_MODELS_DIR": models.path]) { $1 },
            currentDirectory: CLITestSupport.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try FeaturesTestSupport.rows(result.stdout)
        #expect(!rows.isEmpty)
        for row in rows {
            let count = row["all_sms_count_all_nlp"]?.doubleValue
            let score = row["score_risk"]?.doubleValue
            #expect(score == ((count ?? 0) > 10 ? 0.75 : 0.25), "user \(row["user_id"]?.stringValue ?? "?")")
            #expect(row["score_risk_version"]?.stringValue?.count == 16)
        }
    }
}
