using System.Collections.Generic;
using Engagement.Rules.Chaining;

namespace Engagement.Rules.Yaml.Tests;

public sealed class SignalTest
{
    [Test]
    public void Equals_SameContentInAnotherOrder_IsTheSameFact()
    {
        var a = new Signal("s", "C1", "V", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        var b = new Signal("s", "C1", "V", new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.FactIdentity.Should().Be(b.FactIdentity);
    }

    [Test]
    public void FactIdentity_PartsThatConcatenateAlike_Differ()
    {
        var a = new Signal("ab", "c");
        var b = new Signal("a", "bc");

        a.FactIdentity.Should().NotBe(b.FactIdentity);
        a.Should().NotBe(b);
    }

    [Test]
    public void Constructor_EmptyCustomer_Throws()
    {
        var act = () => new Signal("s", " ");

        act.Should().Throw<System.ArgumentException>();
    }
}
