using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>
/// The rule sources of a load, in load order: each file's path relative to its root and the SHA-256 of its bytes.
/// Its fingerprint identifies a rule set by what defines its behaviour, and nothing of the machine it was loaded on
/// (docs/rule-language.md, "Rule-set fingerprint").
/// </summary>
internal sealed class RuleSourceManifest
{
    /// <summary>The first bytes hashed: a change of the scheme gives other fingerprints, never the same ones.</summary>
    private static readonly byte[] Scheme = "rules/v1\n"u8.ToArray();

    private readonly List<(string Path, byte[] Digest)> _entries = new();

    /// <summary>Adds a source read: its path relative to its root (or its name, for text) and its bytes.</summary>
    public void Add(string relativePath, ReadOnlySpan<byte> content) => _entries.Add((Portable(relativePath), Digest(content)));

    /// <summary>The fingerprint of several manifests' sources in order: that of one load of all their files.</summary>
    public static string Fingerprint(IEnumerable<RuleSourceManifest> manifests)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Scheme);
        foreach (var manifest in manifests)
        {
            foreach (var (path, digest) in manifest._entries)
            {
                // Length-prefixed path, then the fixed-length digest: no two lists of entries give the same bytes.
                var name = Encoding.UTF8.GetBytes(path);
                hash.AppendData(Encoding.ASCII.GetBytes(name.Length.ToString(CultureInfo.InvariantCulture) + ":"));
                hash.AppendData(name);
                hash.AppendData(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(digest) + "\n"));
            }
        }

        // 128 bits: collisions stay out of reach even for rule files crafted to collide (about 2^64 attempts), at
        // half the length of the whole SHA-256 in every result, log line and JSON line.
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>
    /// SHA-256 of the bytes with every CR LF read as LF: a checkout that converts line endings (git's autocrlf) gives
    /// the same rules the same fingerprint, and YAML reads both line breaks alike. Every other byte counts.
    /// </summary>
    private static byte[] Digest(ReadOnlySpan<byte> content)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int crlf;
        while ((crlf = content.IndexOf("\r\n"u8)) >= 0)
        {
            hash.AppendData(content[..crlf]);
            content = content[(crlf + 1)..];
        }

        hash.AppendData(content);
        return hash.GetHashAndReset();
    }

    // The same relative path on every operating system: '/' between folders.
    private static string Portable(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
