using System;
using System.IO;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// Reads a file up to a size limit. A file's length is no bound on what a read returns: devices and /proc files
/// report 0 (a path to /dev/zero was read until the process ran out of memory), and a file may grow after its length
/// was checked.
/// </summary>
internal static class BoundedFile
{
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
