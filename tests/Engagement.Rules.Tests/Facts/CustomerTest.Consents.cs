using System;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class CustomerTest
{
    private static ConsentRecord Consent(ConsentStatus status, Instant at, ContactChannel channel = ContactChannel.Email) => new()
    {
        Channel = channel,
        Purpose = ConsentPurpose.Marketing,
        Status = status,
        At = at,
    };

    [Test]
    public void LatestConsent_SeveralRecords_LatestByTimeCounts()
    {
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);
        var customer = SampleFacts.Customer() with
        {
            Consents = [withdrawn, Consent(ConsentStatus.Granted, SampleFacts.Moment - Duration.FromDays(30))],
        };

        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing).Should().BeSameAs(withdrawn);
    }

    [Test]
    public void LatestConsent_OtherChannelOrPurpose_Null()
    {
        var customer = SampleFacts.Customer() with { Consents = [Consent(ConsentStatus.Granted, SampleFacts.Moment)] };

        customer.LatestConsent(ContactChannel.Sms, ConsentPurpose.Marketing).Should().BeNull();
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Service).Should().BeNull();
    }

    [Test]
    public void LatestConsent_SameInstant_LastListedWins()
    {
        var granted = Consent(ConsentStatus.Granted, SampleFacts.Moment);
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);
        var customer = SampleFacts.Customer() with { Consents = [granted, withdrawn] };

        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing).Should().BeSameAs(withdrawn);
    }

    [Test]
    public void ConsentRecord_DefaultBasis_Express()
    {
        Consent(ConsentStatus.Granted, SampleFacts.Moment).Basis.Should().Be(ConsentBasis.Express);
    }

    [Test]
    public void ConsentRecord_UnknownEnumValues_Throw()
    {
        var consent = Consent(ConsentStatus.Granted, SampleFacts.Moment);

        new Func<ConsentRecord>(() => consent with { Channel = (ContactChannel)7 }).ShouldFailValidation("ConsentRecord", "Channel", "7");
        new Func<ConsentRecord>(() => consent with { Purpose = (ConsentPurpose)7 }).ShouldFailValidation("ConsentRecord", "Purpose", "7");
        new Func<ConsentRecord>(() => consent with { Status = (ConsentStatus)7 }).ShouldFailValidation("ConsentRecord", "Status", "7");
        new Func<ConsentRecord>(() => consent with { Basis = (ConsentBasis)7 }).ShouldFailValidation("ConsentRecord", "Basis", "7");
    }
}
