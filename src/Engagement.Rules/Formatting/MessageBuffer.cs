using System;
using System.Buffers;
using System.Globalization;

namespace Engagement.Rules.Formatting;

/// <summary>
/// Text being assembled for an explanation, in a caller's stack buffer (a pooled array when it outgrows it), so
/// that the parts of a message do not each become a string.
/// </summary>
internal ref struct MessageBuffer(Span<char> initial)
{
    private Span<char> _chars = initial;
    private char[]? _rented;

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Text => _chars[..Length];

    public void Clear() => Length = 0;

    /// <summary>Drops the text written after <paramref name="length"/> characters (a part that turned out not to be needed).</summary>
    public void Truncate(int length) => Length = Math.Min(length, Length);

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(Length + text.Length);
        }

        text.CopyTo(_chars[Length..]);
        Length += text.Length;
    }

    /// <summary>Appends an enum's name, as <see cref="Enum.ToString()"/> writes it, without boxing.</summary>
    public void AppendEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        int written;
        while (!Enum.TryFormat(value, _chars[Length..], out written))
        {
            Grow(Length + 32);
        }

        Length += written;
    }

    /// <summary>Appends a value as invariant interpolation would write it (for <see cref="TextValue"/>: no string made).</summary>
    public void AppendFormatted<T>(T value)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_chars[Length..], out written, default, CultureInfo.InvariantCulture))
        {
            Grow(Length + 32);
        }

        Length += written;
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, _chars.Length * 2));
        _chars[..Length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = larger;
        _chars = larger;
    }
}
