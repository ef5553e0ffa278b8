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

        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeSameAs(withdrawn);
    }

    [Test]
    public void LatestConsent_OtherChannelOrPurpose_Null()
    {
        var customer = SampleFacts.Customer() with { Consents = [Consent(ConsentStatus.Granted, SampleFacts.Moment)] };

        customer.LatestConsent(ContactChannel.Sms, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeNull();
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Service, SampleFacts.Moment).Should().BeNull();
    }

    [Test]
    public void LatestConsent_SameInstant_WithdrawalWinsInEitherOrder()
    {
        var granted = Consent(ConsentStatus.Granted, SampleFacts.Moment);
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);

        (SampleFacts.Customer() with { Consents = [granted, withdrawn] }).LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeSameAs(withdrawn);
        (SampleFacts.Customer() with { Consents = [withdrawn, granted] }).LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeSameAs(withdrawn);
    }

    [Test]
    public void LatestConsent_SameInstantGrants_FirstListedCounts()
    {
        var express = Consent(ConsentStatus.Granted, SampleFacts.Moment);
        var implied = Consent(ConsentStatus.Granted, SampleFacts.Moment) with { Basis = ConsentBasis.ImpliedByPurchase };
        var customer = SampleFacts.Customer() with { Consents = [express, implied] };

        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeSameAs(express);
    }

    [Test]
    public void LatestConsent_RecordAfterTheInstant_IsNotYetInForce()
    {
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);
        var future = Consent(ConsentStatus.Granted, SampleFacts.Moment + Duration.FromDays(365 * 4));
        var customer = SampleFacts.Customer() with { Consents = [withdrawn, future] };

        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment + Duration.FromDays(90)).Should().BeSameAs(withdrawn);
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, future.At).Should().BeSameAs(future);
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment - Duration.FromTicks(1)).Should().BeNull();
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
