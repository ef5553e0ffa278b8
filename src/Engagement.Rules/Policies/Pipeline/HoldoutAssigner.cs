using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Rules.Policies.Pipeline;

/// <summary>
/// Assigns customers to control groups by a stable hash: SHA-256 of the salt, the scope (global or a rule id)
/// and the customer id, read as a number in [0, 10000) basis points. The same customer is in the same group in
/// every run and process, and the share held out converges to the configured percent.
/// </summary>
internal static class HoldoutAssigner
{
    public static bool IsHeldOut(string salt, string scope, string customerId, double percent)
    {
        if (percent <= 0)
        {
            return false;
        }

        return Bucket(salt, scope, customerId) < percent * 100;
    }

    public static int Bucket(string salt, string scope, string customerId)
    {
        // The UTF-8 text "len:salt|len:scope|len:customerId" (lengths in UTF-16 code units), built in a buffer.
        var size = 3 * 12 + Encoding.UTF8.GetMaxByteCount(salt.Length + scope.Length + customerId.Length);
        byte[]? rented = null;
        var buffer = size <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var length = 0;
            Append(buffer, ref length, salt, '|');
            Append(buffer, ref length, scope, '|');
            Append(buffer, ref length, customerId, null);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer[..length], hash);
            return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000UL);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Append(Span<byte> buffer, ref int length, string value, char? separator)
    {
        value.Length.TryFormat(buffer[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        buffer[length++] = (byte)':';
        length += Encoding.UTF8.GetBytes(value, buffer[length..]);
        if (separator is { } c)
        {
            buffer[length++] = (byte)c;
        }
    }
}
