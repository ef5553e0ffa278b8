using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Engagement.Rules.Policies.Pipeline;

namespace Engagement.Rules.Tests.Policies;

public sealed class HoldoutAssignerTest
{
    private static readonly string[] Samples = [string.Empty, "global", "rule:birthday-greeting", "C-0001", "salt", "Zoë", "顧客", new string('k', 600)];

    [Test]
    public void Bucket_RandomInputs_IsTheDocumentedSha256Bucket()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 300; i++)
        {
            var salt = Samples[random.Next(Samples.Length)];
            var scope = Samples[random.Next(Samples.Length)];
            var customerId = Samples[random.Next(Samples.Length)] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

            HoldoutAssigner.Bucket(salt, scope, customerId).Should().Be(Reference(salt, scope, customerId), "a customer's control group must not change between versions");
        }
    }

    [Test]
    public void Bucket_PoliciesDocExample_IsTheDocumentedNumber()
    {
        // docs/policies.md, Holdouts (computed there with Python's hashlib).
        HoldoutAssigner.Bucket("s1", "rule:service-due-by-time", "C-0002").Should().Be(54);
        HoldoutAssigner.Bucket("s1", "global", "C-0002").Should().Be(4158);
        HoldoutAssigner.IsHeldOut("s1", "rule:service-due-by-time", "C-0002", 1).Should().BeTrue("54 < 1 x 100");
        HoldoutAssigner.IsHeldOut("s1", "rule:service-due-by-time", "C-0002", 0.5).Should().BeFalse("54 >= 0.5 x 100");
        HoldoutAssigner.IsHeldOut("s1", "global", "C-0002", 41.58).Should().BeFalse("4158 >= 41.58 x 100");
        HoldoutAssigner.IsHeldOut("s1", "global", "C-0002", 41.59).Should().BeTrue("4158 < 41.59 x 100");
    }

    // The assignment as the class documents it, built the plain way.
    private static int Reference(string salt, string scope, string customerId)
    {
        var text = $"{salt.Length}:{salt}|{scope.Length}:{scope}|{customerId.Length}:{customerId}";
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))) % 10_000UL);
    }
}
