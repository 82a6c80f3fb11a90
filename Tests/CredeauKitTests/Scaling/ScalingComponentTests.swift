import Testing
@testable import CredeauKit

@Suite struct ScalingComponentTests {
    @Test func emptySelectionMeansEveryComponent() throws {
        #expect(try ScalingComponent.parseSelection([]) == ScalingComponent.allCases)
    }

    @Test func commaListsAndRepeatsCombineInCanonicalOrder() throws {
        let selected = try ScalingComponent.parseSelection(["mongodb,insights-api", "kafka-brokers", "insights-api"])
        #expect(selected == [.insightsAPI, .mongodb, .kafkaBrokers])
    }

    @Test func groupNameSelectsItsMembers() throws {
        #expect(try ScalingComponent.parseSelection(["services"]) == [.insightsAPI, .smsExtractionAPI])
        #expect(try ScalingComponent.parseSelection(["databases"]) == [.postgres, .mongodb])
        #expect(try ScalingComponent.parseSelection(["Pipeline"]).count == 5)
    }

    @Test(arguments: ["redis", "insights", "", "mongodb,,postgres"])
    func unknownNameIsRejected(name: String) {
        #expect(throws: ScalingError.self) { try ScalingComponent.parseSelection([name]) }
    }

    @Test func unknownComponentMessageListsNames() {
        let message = ScalingError.unknownComponent("redis").description
        #expect(message.hasPrefix("Unknown component 'redis'; expected one of: insights-api, sms-extraction-api"))
        #expect(message.hasSuffix("services, databases, pipeline"))
    }

    @Test func nodeSpecificationsFollowDocumentation() {
        #expect(ScalingComponent.insightsAPI.nodeSpecification.summary == "4 vCPU, 16 GB RAM")
        #expect(ScalingComponent.postgres.nodeSpecification.summary == "2 vCPU, 4 GB RAM, 200 GB disk")
        #expect(ScalingComponent.mongodb.nodeSpecification.summary == "4 vCPU, 16 GB RAM, 2 TB disk")
    }
}
