using System;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class CustomerTest
{
    // A grant is express unless the test says otherwise; a withdrawal has no basis.
    private static ConsentRecord Consent(ConsentStatus status, Instant at, ContactChannel channel = ContactChannel.Email) => new()
    {
        Channel = channel,
        Purpose = ConsentPurpose.Marketing,
        Status = status,
        At = at,
        Basis = status == ConsentStatus.Granted ? ConsentBasis.Express : null,
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
    public void ConsentRecord_BasisNotGiven_IsNull()
    {
        new ConsentRecord { Channel = ContactChannel.Email, Purpose = ConsentPurpose.Marketing, Status = ConsentStatus.Granted, At = SampleFacts.Moment }
            .Basis.Should().BeNull("a grant that does not say how it was obtained is not taken as express");
    }

    [Test]
    public void Consents_GrantWithoutBasis_Throws()
    {
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);
        var grant = Consent(ConsentStatus.Granted, SampleFacts.Moment) with { Basis = null };

        var exception = new Func<Customer>(() => SampleFacts.Customer() with { Consents = [withdrawn, Consent(ConsentStatus.Granted, SampleFacts.Moment), grant] })
            .ShouldFailValidation("Customer", "Consents[2]", null);

        exception.Message.Should().Contain("the grant has no basis").And.Contain("Express, ImpliedByPurchase, ImpliedByInquiry");
    }

    [Test]
    public void Consents_WithdrawalMadeAGrantWithoutBasis_Throws()
    {
        // A 'with' on a record builds a new record; the customer checks it when it is listed.
        var grant = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment) with { Status = ConsentStatus.Granted };

        new Func<Customer>(() => SampleFacts.Customer() with { Consents = [grant] }).ShouldFailValidation("Customer", "Consents[0]", null);
    }

    [Test]
    public void Consents_WithdrawalWithoutBasis_IsValidAndWithdraws()
    {
        var withdrawn = Consent(ConsentStatus.Withdrawn, SampleFacts.Moment);
        var customer = SampleFacts.Customer() with { Consents = [Consent(ConsentStatus.Granted, SampleFacts.Moment - Duration.FromDays(30)), withdrawn] };

        withdrawn.Basis.Should().BeNull();
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, SampleFacts.Moment).Should().BeSameAs(withdrawn);
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
