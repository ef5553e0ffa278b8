using System;
using System.Security.Cryptography;
using Engagement.Rules.Decisions;

namespace Engagement.Rules.Tests.Evaluation;

public sealed class OpenSslSha256Test
{
    [Test]
    public void IsAvailable_OnLinux_IsTrue()
    {
        // .NET itself needs OpenSSL on Linux, so the fast path must bind there; elsewhere the .NET API is used.
        Assume.That(OperatingSystem.IsLinux(), "OpenSSL's functions are only looked up on Linux and FreeBSD");

        OpenSslSha256.IsAvailable.Should().BeTrue();
    }

    [Test]
    public void TryHash_EveryLengthUpToFiveBlocks_EqualsSha256HashData()
    {
        Assume.That(OpenSslSha256.IsAvailable, "OpenSSL's SHA-256 functions are not available here");
        var random = new Random(20261125);
        var data = new byte[320];
        random.NextBytes(data);
        var actual = new byte[SHA256.HashSizeInBytes];
        for (var length = 0; length <= data.Length; length++)
        {
            OpenSslSha256.TryHash(data.AsSpan(0, length), actual).Should().BeTrue();
            actual.Should().Equal(SHA256.HashData(data.AsSpan(0, length)), $"{length} bytes hash as SHA-256 does");
        }
    }

    [Test]
    public void TryHash_InputOverTheLimit_IsRefused()
    {
        var data = new byte[5000];
        var hash = new byte[SHA256.HashSizeInBytes];

        OpenSslSha256.TryHash(data, hash).Should().BeFalse("long inputs go through the .NET API");
        hash.Should().OnlyContain(b => b == 0);
    }
}
