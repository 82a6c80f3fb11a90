import Foundation

/// The reason a text file named on the command line could not be read, for error messages.
public enum UnreadableFile {
    /// Returns "not found", "is a directory", "is not readable (permission denied)" or
    /// "is not valid UTF-8 text", checked in that order, to follow "file '<path>'" in a message.
    public static func reason(path: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "not found" }
        if isDirectory.boolValue { return "is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "is not readable (permission denied)" }
        return "is not valid UTF-8 text"
    }
}
