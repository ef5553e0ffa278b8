using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed class ContactPointsTest
{
    [Test]
    public void None_HasNothing()
    {
        ContactPoints.None.HasEmail.Should().BeFalse();
        ContactPoints.None.HasPhone.Should().BeFalse();
        ContactPoints.None.HasPostalAddress.Should().BeFalse();
    }

    [Test]
    public void Create_Valid_Kept()
    {
        var points = new ContactPoints
        {
            Email = "dana.reyes@example.com",
            Phone = "+15125550100",
            PostalAddress = new PostalAddress { Line1 = "1 Main St", City = "Austin", PostalCode = "78701", RegionCode = "us-tx" },
        };

        points.HasEmail.Should().BeTrue();
        points.HasPhone.Should().BeTrue();
        points.HasPostalAddress.Should().BeTrue();
        points.PostalAddress!.RegionCode.Should().Be("US-TX");
    }

    [TestCase("dana")]
    [TestCase("dana@example")]
    [TestCase("da na@example.com")]
    [TestCase("a@b@example.com")]
    public void Email_Invalid_Throws(string email)
    {
        var act = () => new ContactPoints { Email = email };

        act.ShouldFailValidation("ContactPoints", "Email", email);
    }

    [TestCase("5125550100")]
    [TestCase("+1 512 555 0100")]
    [TestCase("+0125550100")]
    [TestCase("+1234567890123456")]
    public void Phone_NotE164_Throws(string phone)
    {
        var act = () => new ContactPoints { Phone = phone };

        act.ShouldFailValidation("ContactPoints", "Phone", phone);
    }

    [Test]
    public void PostalAddress_BadRegion_Throws()
    {
        var act = () => new PostalAddress { Line1 = "1 Main St", City = "Austin", PostalCode = "78701", RegionCode = "Texas" };

        act.ShouldFailValidation("PostalAddress", "RegionCode", "Texas");
    }
}
