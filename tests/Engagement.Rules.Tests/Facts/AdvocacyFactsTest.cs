using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

/// <summary>Validation of referrals, owners' events and registrations.</summary>
public sealed class AdvocacyFactsTest
{
    [Test]
    public void Referral_SelfReferral_Throws()
    {
        var act = () => SampleFacts.Referral() with { ReferredCustomerId = "C-1" };

        act.ShouldFailValidation("Referral", "ReferredCustomerId", "C-1");
    }

    [Test]
    public void Referral_PurchasedBeforeRecorded_Throws()
    {
        var act = () => SampleFacts.Referral() with { Status = ReferralStatus.Purchased, PurchasedOn = new LocalDate(2026, 1, 31) };

        act.ShouldFailValidation("Referral", "PurchasedOn", "2026-01-31");
    }

    [Test]
    public void Referral_Purchased_NewVersionSameIdentity()
    {
        var referral = SampleFacts.Referral();

        var purchased = referral with { Status = ReferralStatus.Purchased, ReferredCustomerId = "C-2", PurchasedOn = new LocalDate(2026, 2, 20) };

        purchased.FactIdentity.Should().Be(referral.FactIdentity);
        purchased.Status.Should().Be(ReferralStatus.Purchased);
    }

    [Test]
    public void Referral_UnknownStatus_Throws()
    {
        var act = () => SampleFacts.Referral() with { Status = (ReferralStatus)8 };

        act.ShouldFailValidation("Referral", "Status", "8");
    }

    [Test]
    public void Referral_EmptyReferredName_Throws()
    {
        var act = () => SampleFacts.Referral() with { ReferredName = "" };

        act.ShouldFailValidation("Referral", "ReferredName", "");
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void OwnerEvent_CapacityNotPositive_Throws(int capacity)
    {
        var act = () => SampleFacts.OwnerEvent() with { Capacity = capacity };

        act.ShouldFailValidation("OwnerEvent", "Capacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void OwnerEvent_NegativeRegisteredCount_Throws()
    {
        var act = () => SampleFacts.OwnerEvent() with { RegisteredCount = -1 };

        act.ShouldFailValidation("OwnerEvent", "RegisteredCount", "-1");
    }

    [Test]
    public void OwnerEvent_Overbooked_NoSeatsLeft()
    {
        var full = SampleFacts.OwnerEvent() with { Capacity = 10, RegisteredCount = 12 };

        full.SeatsLeft.Should().Be(0);
        full.IsFull.Should().BeTrue();
        (full with { RegisteredCount = 7 }).SeatsLeft.Should().Be(3);
    }

    [Test]
    public void OwnerEvent_UnknownTimeZone_Throws()
    {
        var act = () => SampleFacts.OwnerEvent() with { TimeZoneId = "Atlantis/Capital" };

        act.ShouldFailValidation("OwnerEvent", "TimeZoneId", "Atlantis/Capital");
    }

    [Test]
    public void OwnerEvent_LocalStart_InVenueZone()
    {
        var ownerEvent = SampleFacts.OwnerEvent();

        // 15:00 UTC on 10 March 2026 is 10:00 in Chicago (CDT, UTC-5, since 8 March).
        ownerEvent.LocalStart.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 10, 10, 0));
    }

    [Test]
    public void OwnerEvent_BadRegionCode_Throws()
    {
        var act = () => SampleFacts.OwnerEvent() with { RegionCode = "Texas" };

        act.ShouldFailValidation("OwnerEvent", "RegionCode", "Texas");
    }

    [Test]
    public void OwnerEvent_UnknownKind_Throws()
    {
        var act = () => SampleFacts.OwnerEvent() with { Kind = (OwnerEventKind)42 };

        act.ShouldFailValidation("OwnerEvent", "Kind", "42");
    }

    [Test]
    public void OwnerEvent_DefaultAudience_Everyone()
    {
        var audience = SampleFacts.OwnerEvent().Audience;

        audience.Should().Be(EventAudience.Everyone);
        audience.Make.Should().BeNull();
        audience.AmbassadorsFirst.Should().BeFalse();
    }

    [Test]
    public void EventAudience_RegionCode_Normalised()
    {
        new EventAudience { RegionCode = "us-tx", Make = "Honda", AmbassadorsFirst = true }.RegionCode.Should().Be("US-TX");
    }

    [Test]
    public void EventAudience_EmptyModel_Throws()
    {
        var act = () => new EventAudience { Model = "" };

        act.ShouldFailValidation("EventAudience", "Model", "");
    }

    [Test]
    public void EventRegistration_IdentityIsEventAndCustomer()
    {
        SampleFacts.EventRegistration().FactIdentity.Should().Be(("EventRegistration", "EV-1", "C-1"));
    }

    [Test]
    public void EventRegistration_EmptyEventId_Throws()
    {
        var act = () => SampleFacts.EventRegistration() with { EventId = "" };

        act.ShouldFailValidation("EventRegistration", "EventId", "");
    }
}
