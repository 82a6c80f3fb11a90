import CredeauKit
import Foundation

/// Writes a mongoexport-style `sync_db` dump of synthetic users: one JSON Lines file per
/// collection, one sync document per user and collection, users in the same order in every file.
struct SyntheticDumpWriter {
    /// 2026-03-15 23:59:59 IST; every synthetic event lies in the 180 days before it.
    static let cutoffMillis: Int64 = 1_773_599_399_000

    let folder: URL
    let smsPerUser: Int
    private var sms: SyntheticSMSGenerator
    private var random: SplitMix64

    init(folder: URL, seed: UInt64, smsPerUser: Int) {
        self.folder = folder
        self.smsPerUser = smsPerUser
        sms = SyntheticSMSGenerator(seed: seed)
        random = SplitMix64(seed: seed &+ 1)
    }

    /// Writes every file and returns the bytes written.
    mutating func write(users: Int) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sources: [SyncSource] = [.sms, .apps, .device, .contacts, .callLogs]
        var handles: [SyncSource: FileHandle] = [:]
        for source in sources {
            let url = folder.appendingPathComponent(source.collection + ".json")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            handles[source] = try FileHandle(forWritingTo: url)
        }
        defer { handles.values.forEach { try? $0.close() } }
        var total = 0
        for user in 0..<users {
            for source in sources {
                let line = Data((document(source, user: user) + "\n").utf8)
                try handles[source]?.write(contentsOf: line)
                total += line.count
            }
        }
        return total
    }

    private mutating func document(_ source: SyncSource, user: Int) -> String {
        let synced = Self.cutoffMillis - 86_400_000
        let header = #"{"client_id":"bench","user_id":"user-\#(user)","request_id":"req-\#(user)-\#(source.rawValue)","#
            + #""created_at":{"$date":{"$numberLong":"\#(synced)"}},"#
        switch source {
        case .sms:
            let records = (0..<smsPerUser).map { index in
                var message = sms.next(id: index)
                message.inboxDateMillis = pastMillis(days: 180)
                return #"{"sms_id":"\#(index)","sms_sender":\#(JSONText.quoted(message.sender ?? "")),"#
                    + #""sms_body":\#(JSONText.quoted(message.body)),"sms_inbox_date":\#(message.inboxDateMillis ?? 0)}"#
            }
            return header + #""sms":[\#(records.joined(separator: ","))]}"#
        case .apps:
            let records = (0..<300).map { index in
                #"{"package_name":"com.example.app\#(index)","app_name":"App \#(index)","#
                    + #""first_install_time":\#(pastMillis(days: 360)),"last_update_time":\#(pastMillis(days: 180)),"#
                    + #""is_system_app":\#(index % 7 == 0)}"#
            }
            return header + #""apps":[\#(records.joined(separator: ","))]}"#
        case .callLogs:
            let records = (0..<2_000).map { index in
                #"{"call_id":"\#(index)","number":"+9198\#(10_000_000 + Int.random(in: 0..<300, using: &random))","#
                    + #""type":\#(1 + index % 3),"duration":\#(Int.random(in: 0..<600, using: &random)),"#
                    + #""call_date":\#(pastMillis(days: 180))}"#
            }
            return header + #""call_logs":[\#(records.joined(separator: ","))]}"#
        case .contacts:
            let records = (0..<1_000).map { index in
                #"{"contact_id":"\#(index)","name":"Friend \#(index)","phone":"+9198\#(10_000_000 + index)","#
                    + #""updated_at":\#(pastMillis(days: 360))}"#
            }
            return header + #""contacts":[\#(records.joined(separator: ","))]}"#
        case .device, .iosDevice:
            return header + #""device":{"manufacturer":"Xiaomi","model":"Redmi Note 12","os_version":"13","#
                + #""is_rooted":false,"timezone":"Asia/Kolkata","first_seen_at":\#(pastMillis(days: 400))}}"#
        }
    }

    private mutating func pastMillis(days: Int64) -> Int64 {
        Self.cutoffMillis - Int64.random(in: 0..<(days * 86_400_000), using: &random)
    }
}
