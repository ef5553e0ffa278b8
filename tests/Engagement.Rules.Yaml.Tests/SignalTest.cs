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

    [Test]
    public void Values_AnyInputOrder_CopiedInOrdinalOrderOfTheNames()
    {
        var given = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1", ["B"] = "3" };
        var signal = new Signal("s", "C1", values: given);
        given["c"] = "4";

        signal.Values.Should().Equal(new Dictionary<string, string> { ["B"] = "3", ["a"] = "1", ["b"] = "2" });
        signal.Values.Keys.Should().Equal("B", "a", "b");
        signal.Values.Values.Should().Equal("3", "1", "2");
        signal.Values.Count.Should().Be(3);
        signal.Values["a"].Should().Be("1");
        signal.Values.TryGetValue("A", out _).Should().BeFalse("names compare ordinally");
        signal.Values.ContainsKey("B").Should().BeTrue();
        var missing = () => signal.Values["c"];
        missing.Should().Throw<KeyNotFoundException>();
    }

    [Test]
    public void Values_None_IsEmpty()
    {
        new Signal("s", "C1", values: new Dictionary<string, string>()).Values.Should().BeEmpty();
        new Signal("s", "C1").Values.Should().BeEmpty();
    }
    [Test]
    public void ToString_ShowsNameCustomerVehicleAndValues()
    {
        var signal = new Signal("high-mileage-driver", "C-1", "1HGCM82640A000001", new Dictionary<string, string> { ["b"] = "2", ["a"] = "x y" });

        signal.ToString().Should().Be("Signal high-mileage-driver (customer C-1, vehicle 1HGCM82640A000001, a=x y, b=2)");
        new Signal("car-owner", "C-1").ToString().Should().Be("Signal car-owner (customer C-1)");
    }
}
