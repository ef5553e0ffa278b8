using System;
using System.Security.Cryptography;
using System.Text;
using NodaTime.Text;

namespace Engagement.Rules.Decisions;

/// <summary>
/// Deterministic keys of touch occurrences: SHA-256 over the length-prefixed customer id, VIN, topic, rule id
/// and due date (ISO), hex-encoded and truncated to 32 characters (128 bits). Independent of process, culture
/// and run, so a daily run that proposes the same occurrence again yields the same key.
/// </summary>
internal static class IdempotencyKeys
{
    public static string For(TouchProposal proposal)
    {
        var builder = new StringBuilder();
        Append(builder, "touch/v1");
        Append(builder, proposal.CustomerId ?? string.Empty);
        Append(builder, proposal.Vin ?? string.Empty);
        Append(builder, proposal.Topic ?? string.Empty);
        Append(builder, proposal.RuleId ?? string.Empty);
        Append(builder, LocalDatePattern.Iso.Format(proposal.DueOn));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    // Length prefixes make ("ab", "c") and ("a", "bc") different inputs.
    private static void Append(StringBuilder builder, string value)
        => builder.Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
}
