using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Engagement.Rules.Formatting;

namespace Engagement.Rules.Decisions;

/// <summary>
/// Deterministic keys of touch occurrences: SHA-256 over the length-prefixed customer id, VIN, topic, rule id
/// and due date (ISO), hex-encoded and truncated to 32 characters (128 bits). Independent of process, culture
/// and run: the same occurrence (same due date) has the same key in every run; a rule due <c>today()</c> makes a
/// new key each day, which is why hosts pass pending decisions back as TouchSent (docs/decisions.md).
/// </summary>
/// <remarks>
/// The hashed input is the UTF-8 text <c>len:value|</c> for <c>touch/v1</c> and each field in turn (len in UTF-16
/// code units, as <see cref="string.Length"/>), written straight into a stack buffer: no intermediate strings.
/// </remarks>
internal static class IdempotencyKeys
{
    private const string Version = "touch/v1";
    private const int StackLimit = 512;

    // One hash state per thread, reset after each key: the one-shot SHA256.HashData creates and frees an OpenSSL
    // digest context on every call, which costs more than hashing the two blocks of a key.
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    public static string For(TouchProposal proposal)
    {
        var customerId = proposal.CustomerId ?? string.Empty;
        var vin = proposal.Vin ?? string.Empty;
        var topic = proposal.Topic ?? string.Empty;
        var ruleId = proposal.RuleId ?? string.Empty;
        Span<char> date = stackalloc char[10];
        ReadOnlySpan<char> dueOn = IsoText.IsSimple(proposal.DueOn) ? Write(date, proposal.DueOn) : IsoText.Date(proposal.DueOn);

        // Each field: up to 11 digits of length, ':', the value in UTF-8, '|'.
        var size = (6 * 13) + Encoding.UTF8.GetMaxByteCount(Version.Length + customerId.Length + vin.Length + topic.Length + ruleId.Length + dueOn.Length);
        byte[]? rented = null;
        var buffer = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var length = 0;
            Append(buffer, ref length, Version);
            Append(buffer, ref length, customerId);
            Append(buffer, ref length, vin);
            Append(buffer, ref length, topic);
            Append(buffer, ref length, ruleId);
            Append(buffer, ref length, dueOn);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var hashed = false;
            try
            {
                sha256.AppendData(buffer[..length]);
                sha256.GetHashAndReset(hash);
                hashed = true;
            }
            finally
            {
                // A state left half-fed by a failure must not prefix the next key: drop it, the next key makes a new one.
                if (!hashed)
                {
                    _sha256 = null;
                    sha256.Dispose();
                }
            }

            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> Write(Span<char> span, NodaTime.LocalDate date)
    {
        IsoText.WriteDate(span, date);
        return span;
    }

    // Length prefixes make ("ab", "c") and ("a", "bc") different inputs.
    private static void Append(Span<byte> buffer, ref int length, ReadOnlySpan<char> value)
    {
        value.Length.TryFormat(buffer[length..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        length += digits;
        buffer[length++] = (byte)':';
        length += Encoding.UTF8.GetBytes(value, buffer[length..]);
        buffer[length++] = (byte)'|';
    }
}
