using System;
using System.Diagnostics;
using System.IO;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// Reads a file up to a size limit. A file's length is no bound on what a read returns: devices and /proc files
/// report 0 (a path to /dev/zero was read until the process ran out of memory), and a file may grow after its length
/// was checked.
/// </summary>
internal static class BoundedFile
{
    /// <summary>
    /// Whether a path (links followed) is a regular file, which a read of ends: a named pipe (FIFO) blocks the open until
    /// a writer comes, possibly forever (a FIFO in a rules folder hung validation and hot reload), and a device or
    /// socket is no rule file either. False only when the path is known to be something else; a file that cannot be
    /// examined counts as regular, and its read reports why.
    /// </summary>
    /// <remarks>
    /// .NET 10 has no public file-type API (dotnet/runtime#85148; <c>FileSystemInfo.Attributes</c> says <c>Normal</c>
    /// and <c>File.GetUnixFileMode</c> gives permissions only, for a FIFO as for a file) and no non-blocking open, and
    /// a P/Invoke of <c>stat</c> would depend on each platform's structure layout. On Unix
    /// <see cref="FileVersionInfo.GetVersionInfo(string)"/> stats the path first and throws
    /// <see cref="FileNotFoundException"/> for anything but a regular file, precisely so as not to hang on a named pipe
    /// (dotnet/corefx#18430), before reading a regular file's first bytes (a PE header it will not find in YAML). The
    /// tests pin that behaviour with a real FIFO. Windows has no FIFO in a folder (its pipes live in <c>\.\pipe\</c>).
    /// It is a check, then an open: a file replaced by a FIFO between the two still blocks the open. That window is
    /// accepted: closing it needs the check made on the opened handle, but opening a FIFO blocks before there is any
    /// handle, and .NET opens nothing non-blocking without a P/Invoke; a rule file swapped for a FIFO in that instant
    /// is no accident a host makes.
    /// </remarks>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            _ = FileVersionInfo.GetVersionInfo(path);
            return true;
        }
        catch (FileNotFoundException)
        {
            // Also thrown when the file has just gone: then it is not known to be anything else, and its read says so.
            return !File.Exists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            // A regular file that could not be examined further (locked, unreadable): the read reports it.
            return true;
        }
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Read(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var chunk = new byte[81_920];
        long total = 0;
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - total))) > 0)
        {
            bytes.Write(chunk, 0, read);
            total += read;
            if (total > maxBytes)
            {
                return null;
            }
        }

        return bytes.ToArray();
    }
}
