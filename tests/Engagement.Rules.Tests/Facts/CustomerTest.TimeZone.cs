using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class CustomerTest
{
    [Test]
    public void TimeZone_KnownId_Resolved()
    {
        var customer = SampleFacts.Customer() with { TimeZoneId = "America/Toronto" };

        customer.IsTimeZoneKnown.Should().BeTrue();
        customer.TimeZone.Should().Be(DateTimeZoneProviders.Tzdb["America/Toronto"]);
    }

    [Test]
    public void TimeZone_UnknownId_KeptButNotResolved()
    {
        var customer = SampleFacts.Customer() with { TimeZoneId = "Mars/Olympus_Mons" };

        customer.TimeZoneId.Should().Be("Mars/Olympus_Mons");
        customer.IsTimeZoneKnown.Should().BeFalse();
        customer.TimeZone.Should().BeNull();
    }

    [Test]
    public void TimeZone_ChangedWithWith_ResolvedAgain()
    {
        var unknown = SampleFacts.Customer() with { TimeZoneId = "Nowhere/Nothing" };

        var known = unknown with { TimeZoneId = "Europe/Paris" };

        known.TimeZone.Should().Be(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void TimeZoneId_Empty_Throws(string id)
    {
        var act = () => SampleFacts.Customer() with { TimeZoneId = id };

        act.ShouldFailValidation("Customer", "TimeZoneId", id);
    }
}
