using System;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed partial class CustomerTest
{
    [Test]
    public void Create_Valid_KeepsValuesAndDefaults()
    {
        var customer = SampleFacts.Customer();

        customer.CustomerId.Should().Be("C-1");
        customer.Status.Should().Be(CustomerStatus.Active);
        customer.PreferredChannels.Should().BeEmpty();
        customer.Consents.Should().BeEmpty();
        customer.ContactPoints.Should().Be(ContactPoints.None);
        customer.FactIdentity.Should().Be(("Customer", "C-1"));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void CustomerId_Empty_Throws(string id)
    {
        var act = () => SampleFacts.Customer() with { CustomerId = id };

        act.ShouldFailValidation("Customer", "CustomerId", id);
    }

    [Test]
    public void LastName_Null_Throws()
    {
        var act = () => SampleFacts.Customer() with { LastName = null! };

        act.ShouldFailValidation("Customer", "LastName", null);
    }

    [TestCase("en")]
    [TestCase("en-US")]
    [TestCase("fr-CA")]
    [TestCase("zh-Hant-TW")]
    public void Language_Bcp47_Accepted(string language)
    {
        (SampleFacts.Customer() with { Language = language }).Language.Should().Be(language);
    }

    [TestCase("english")]
    [TestCase("en_US")]
    [TestCase("")]
    public void Language_NotBcp47_Throws(string language)
    {
        var act = () => SampleFacts.Customer() with { Language = language };

        act.ShouldFailValidation("Customer", "Language", language);
    }

    [Test]
    public void PreferredChannels_InOrder_Kept()
    {
        var customer = SampleFacts.Customer() with { PreferredChannels = [ContactChannel.Sms, ContactChannel.Email] };

        customer.PreferredChannels.Should().Equal(ContactChannel.Sms, ContactChannel.Email);
    }

    [Test]
    public void PreferredChannels_Duplicate_Throws()
    {
        var act = () => SampleFacts.Customer() with { PreferredChannels = [ContactChannel.Sms, ContactChannel.Email, ContactChannel.Sms] };

        act.ShouldFailValidation("Customer", "PreferredChannels[2]", "Sms");
    }

    [Test]
    public void PreferredChannels_UnknownEnumValue_Throws()
    {
        var act = () => SampleFacts.Customer() with { PreferredChannels = [(ContactChannel)42] };

        act.ShouldFailValidation("Customer", "PreferredChannels[0]", "42");
    }

    [Test]
    public void PreferredChannels_CallerListChangedLater_FactUnchanged()
    {
        var channels = new ContactChannel[] { ContactChannel.Sms };
        var customer = SampleFacts.Customer() with { PreferredChannels = channels };

        channels[0] = ContactChannel.Phone;

        customer.PreferredChannels.Should().Equal(ContactChannel.Sms);
        customer.PreferredChannels.Should().NotBeAssignableTo<ContactChannel[]>();
    }

    [Test]
    public void Status_UnknownEnumValue_Throws()
    {
        var act = () => SampleFacts.Customer() with { Status = (CustomerStatus)9 };

        act.ShouldFailValidation("Customer", "Status", "9");
    }

    [Test]
    public void PreferredRewardCategory_UnknownEnumValue_Throws()
    {
        var act = () => SampleFacts.Customer() with { PreferredRewardCategory = (RewardCategory)9 };

        act.ShouldFailValidation("Customer", "PreferredRewardCategory", "9");
    }

    [TestCase(0)]
    [TestCase(-2)]
    public void HouseholdSize_BelowOne_Throws(int size)
    {
        var act = () => SampleFacts.Customer() with { HouseholdSize = size };

        act.ShouldFailValidation("Customer", "HouseholdSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void CharityOfChoice_Whitespace_Throws()
    {
        var act = () => SampleFacts.Customer() with { CharityOfChoice = " " };

        act.ShouldFailValidation("Customer", "CharityOfChoice", " ");
    }

    [Test]
    public void ContactPoints_Null_Throws()
    {
        var act = () => SampleFacts.Customer() with { ContactPoints = null! };

        act.ShouldFailValidation("Customer", "ContactPoints", null);
    }

    [Test]
    public void FactIdentity_StableAcrossWithVersions()
    {
        var customer = SampleFacts.Customer();

        var moved = customer with { TimeZoneId = "America/New_York", Status = CustomerStatus.MovedAway };

        moved.FactIdentity.Should().Be(customer.FactIdentity);
        moved.Should().NotBe(customer);
    }

    [Test]
    public void Consents_NullItem_Throws()
    {
        var act = () => SampleFacts.Customer() with { Consents = [null!] };

        act.ShouldFailValidation("Customer", "Consents[0]", null);
    }

    [Test]
    public void Create_NullList_Throws()
    {
        Action act = () => _ = SampleFacts.Customer() with { Consents = null! };

        act.ShouldFailValidation("Customer", "Consents", null);
    }
}
