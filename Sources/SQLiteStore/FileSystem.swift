#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system questions the open checks ask, over `stat(2)` and `access(2)`.
enum FileSystem {
    /// The directory part of `path`: `"."` for a bare name, `"/"` for a file at the root.
    static func parentDirectory(of path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Whether something (a file, a directory, anything) exists at `path`; symlinks are followed.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` names a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether this process may write `path`, and its mode has a write bit at all.
    ///
    /// `access(2)` alone answers yes to root for every file; a database or directory that its
    /// operator marked read-only (no write bit for anyone) is honoured as read-only even then.
    static func isWritable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let anyWriteBit = mode_t(S_IWUSR) | mode_t(S_IWGRP) | mode_t(S_IWOTH)
        return access(path, W_OK) == 0 && (info.st_mode & anyWriteBit) != 0
    }

    /// Removes a file if it is there; errors are ignored (used only to undo our own creation).
    static func removeIfPresent(_ path: String) {
        _ = unlink(path)
    }
}
