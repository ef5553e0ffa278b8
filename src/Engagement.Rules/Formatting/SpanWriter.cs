using System;
using System.Globalization;

namespace Engagement.Rules.Formatting;

/// <summary>
/// Writes text into a fixed span, for an <see cref="ISpanFormattable.TryFormat"/> made of several parts: a part
/// that does not fit turns <see cref="Fits"/> false (and later parts are skipped), so the caller can ask again
/// with a larger span, as interpolated strings do.
/// </summary>
internal ref struct SpanWriter(Span<char> destination)
{
    private readonly Span<char> _destination = destination;

    public int Length { get; private set; }

    public bool Fits { get; private set; } = true;

    public void Append(ReadOnlySpan<char> text)
    {
        if (Fits && text.TryCopyTo(_destination[Length..]))
        {
            Length += text.Length;
        }
        else
        {
            Fits = false;
        }
    }

    /// <summary>The enum as interpolation writes it (its name, or its number when it has none).</summary>
    public void AppendEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (Fits && Enum.TryFormat(value, _destination[Length..], out var written))
        {
            Length += written;
        }
        else
        {
            Fits = false;
        }
    }

    /// <summary>The number in the invariant culture, whatever the current one (explanations must not depend on the host's culture: sv-SE writes -5 with U+2212).</summary>
    public void AppendInt(int value)
    {
        if (Fits && value.TryFormat(_destination[Length..], out var written, default, CultureInfo.InvariantCulture))
        {
            Length += written;
        }
        else
        {
            Fits = false;
        }
    }
}
