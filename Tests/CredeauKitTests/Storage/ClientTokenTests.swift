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

    @Test(arguments: [
        ("", "the name is empty"),
        (String(repeating: "x", count: 73), "the name has 73 characters, more than the 72 the clients table holds"),
        ("   ", "character 1 is a space"),
        ("acme bank", "character 5 is a space"),
        ("a\nb", "character 2 is the control character U+000A"),
        ("\t", "character 1 is the control character U+0009"),
        ("x\u{1B}[31m", "character 2 is the control character U+001B"),
        ("x\u{7F}", "character 2 is the control character U+007F"),
        ("café", "character 4 is the non-ASCII character U+00E9"),
    ])
    func invalidClientNameRejected(name: String, reason: String) {
        do {
            _ = try ClientRegistration(clientID: name, email: nil)
            Issue.record("accepted \(name.debugDescription)")
        } catch let error as ClientRegistrationError {
            #expect(error.description.contains(": " + reason), "\(error.description)")
            #expect(!error.description.contains("\n"))
            #expect(error.exitCode == 2)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ["a", "acme_bank-2", "!#$%&'*+-.^_`|~", String(repeating: "x", count: 72)])
    func visibleASCIINameAccepted(name: String) throws {
        #expect(try ClientRegistration(clientID: name, email: nil).clientID == name)
    }

    @Test(arguments: [
        ("notanemail", "expected one '@' between a name and a domain"),
        ("a@b@c", "expected one '@' between a name and a domain"),
        ("@lender.in", "expected one '@' between a name and a domain"),
        ("ops @lender.in", "an address contains no spaces"),
        ("a.very.long.address.for.a.risk.team@lender.example", "the address has 50 characters, more than the 32"),
    ])
    func invalidEmailRejected(email: String, reason: String) {
        do {
            _ = try ClientRegistration(clientID: "acme", email: email)
            Issue.record("accepted \(email)")
        } catch let error as ClientRegistrationError {
            #expect(error.description.contains(": " + reason), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
