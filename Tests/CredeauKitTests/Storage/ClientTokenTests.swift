import CredeauKit
import Testing

@Suite struct ClientTokenTests {
    @Test func tokenIsVersionFourUUID() {
        let token = ClientToken.generate()
        let characters = Array(token)
        #expect(characters.count == 36)
        #expect([8, 13, 18, 23].allSatisfy { characters[$0] == "-" })
        #expect(characters[14] == "4")
        #expect("89ab".contains(characters[19]))
        #expect(token.allSatisfy { $0 == "-" || $0.isHexDigit })
        #expect(token == token.lowercased())
    }

    @Test func tokensDiffer() {
        let tokens = Set((0..<100).map { _ in ClientToken.generate() })
        #expect(tokens.count == 100)
    }

    @Test(arguments: ["", String(repeating: "x", count: 73)])
    func invalidClientNameRejected(name: String) {
        #expect(throws: ClientRegistrationError.self) { try ClientRegistration(clientID: name, email: nil) }
    }

    @Test(arguments: ["no-at-sign", "a.very.long.address.for.a.risk.team@lender.example"])
    func invalidEmailRejected(email: String) {
        #expect(throws: ClientRegistrationError.self) { try ClientRegistration(clientID: "acme", email: email) }
    }
}
