using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Engagement.Rules.Policies;

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
        var text = $"{salt.Length}:{salt}|{scope.Length}:{scope}|{customerId.Length}:{customerId}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10_000UL);
    }
}
