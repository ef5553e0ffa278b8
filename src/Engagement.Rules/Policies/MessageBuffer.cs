using System;
using System.Buffers;

namespace Engagement.Rules.Policies;

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

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Grow(Length + text.Length);
        }

        text.CopyTo(_chars[Length..]);
        Length += text.Length;
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
