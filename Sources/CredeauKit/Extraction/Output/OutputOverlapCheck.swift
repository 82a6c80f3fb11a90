#if canImport(Glibc)
import Glibc
#endif

/// Rejects an `extract` output path that would overwrite the input before a byte of it is read.
///
/// Opening the output truncates it, so an output that is the input file (by any name, hard links
/// included) or that lies inside the input folder would destroy the data being read.
public enum OutputOverlapCheck {
    /// Throws `ExtractOutputError.overlapsInput` when `output` is the file `input`, the same file
    /// by device and inode, or a path inside the folder `input`. Standard output (`-`) and inputs
    /// that are not on disk (`-`, URLs) always pass.
    public static func check(output: String, input: String) throws {
        guard output != "-", input != "-" else { return }
        var inputStatus = stat()
        guard stat(input, &inputStatus) == 0 else { return }

        var outputStatus = stat()
        if stat(output, &outputStatus) == 0,
           outputStatus.st_dev == inputStatus.st_dev, outputStatus.st_ino == inputStatus.st_ino {
            throw ExtractOutputError.overlapsInput(output: output, input: input)
        }
        guard inputStatus.st_mode & S_IFMT == S_IFDIR,
              let folder = realPath(input),
              let outputFolder = realPath(parentFolder(of: output))
        else { return }
        if outputFolder == folder || outputFolder.hasPrefix(folder == "/" ? "/" : folder + "/") {
            throw ExtractOutputError.overlapsInput(output: output, input: input)
        }
    }

    /// The folder part of `path`: `.` for a bare file name, `/` for a file in the root.
    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The absolute path with symbolic links, `.` and `..` resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
