using Engagement.Rules.Facts;

namespace Engagement.Rules.Tests.Facts;

public sealed class LoyaltyTest
{
    [Test]
    public void Create_Valid_Kept()
    {
        var loyalty = new Loyalty("Gold", 0);

        loyalty.Tier.Should().Be("Gold");
        loyalty.Points.Should().Be(0);
    }

    [Test]
    public void Create_NegativePoints_Throws()
    {
        var act = () => new Loyalty("Gold", -1);

        act.ShouldFailValidation("Loyalty", "Points", "-1");
    }

    [Test]
    public void Create_EmptyTier_Throws()
    {
        var act = () => new Loyalty("", 10);

        act.ShouldFailValidation("Loyalty", "Tier", "");
    }
}
