using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

/// <summary>Validation of the service facts: repair orders, recommendations, appointments, recalls, complaints and scores.</summary>
public sealed class ServiceFactsTest
{
    [Test]
    public void RepairOrder_Open_IsOpenUntilClosed()
    {
        var order = SampleFacts.RepairOrder();

        order.IsOpen.Should().BeTrue();
        var closed = order with { ClosedOn = order.OpenedOn.PlusDays(1) };
        closed.IsOpen.Should().BeFalse();
        closed.FactIdentity.Should().Be(order.FactIdentity);
    }

    [Test]
    public void RepairOrder_ClosedSameDay_Allowed()
    {
        var order = SampleFacts.RepairOrder();

        (order with { ClosedOn = order.OpenedOn }).IsOpen.Should().BeFalse();
    }

    [Test]
    public void RepairOrder_ClosedBeforeOpened_Throws()
    {
        var act = () => SampleFacts.RepairOrder() with { ClosedOn = new LocalDate(2026, 3, 1) };

        act.ShouldFailValidation("RepairOrder", "ClosedOn", "2026-03-01");
    }

    [Test]
    public void RepairOrder_OpenedAfterClosed_Throws()
    {
        var closed = SampleFacts.RepairOrder() with { ClosedOn = new LocalDate(2026, 3, 3) };

        var act = () => closed with { OpenedOn = new LocalDate(2026, 3, 4) };

        act.ShouldFailValidation("RepairOrder", "ClosedOn", "2026-03-03");
    }

    [Test]
    public void RepairOrder_NegativeMileage_Throws()
    {
        var act = () => SampleFacts.RepairOrder() with { Mileage = -1 };

        act.ShouldFailValidation("RepairOrder", "Mileage", "-1");
    }

    [Test]
    public void RepairOrder_EmptyOperation_Throws()
    {
        var act = () => SampleFacts.RepairOrder() with { Operations = ["OIL-CHG", ""] };

        act.ShouldFailValidation("RepairOrder", "Operations[1]", "");
    }

    [Test]
    public void RepairOrder_NegativeTotal_Throws()
    {
        var act = () => SampleFacts.RepairOrder() with { Total = -0.01m };

        act.ShouldFailValidation("RepairOrder", "Total", "-0.01");
    }

    [Test]
    public void RepairOrder_EmptyId_Throws()
    {
        var act = () => SampleFacts.RepairOrder() with { RepairOrderId = "" };

        act.ShouldFailValidation("RepairOrder", "RepairOrderId", "");
    }

    [Test]
    public void RecommendedWork_NegativeDueMileage_Throws()
    {
        var act = () => SampleFacts.RecommendedWork() with { DueMileage = -10 };

        act.ShouldFailValidation("RecommendedWork", "DueMileage", "-10");
    }

    [Test]
    public void RecommendedWork_UnknownStatus_Throws()
    {
        var act = () => SampleFacts.RecommendedWork() with { Status = (RecommendationStatus)5 };

        act.ShouldFailValidation("RecommendedWork", "Status", "5");
    }

    [Test]
    public void RecommendedWork_EmptyDescription_Throws()
    {
        var act = () => SampleFacts.RecommendedWork() with { Description = "" };

        act.ShouldFailValidation("RecommendedWork", "Description", "");
    }

    [Test]
    public void Appointment_UnknownStatus_Throws()
    {
        var act = () => SampleFacts.Appointment() with { Status = (AppointmentStatus)5 };

        act.ShouldFailValidation("Appointment", "Status", "5");
    }

    [Test]
    public void Appointment_DefaultStatus_Booked()
    {
        SampleFacts.Appointment().Status.Should().Be(AppointmentStatus.Booked);
    }

    [Test]
    public void RecallCampaign_IdentityIsCampaignAndVin()
    {
        var recall = SampleFacts.RecallCampaign();

        recall.FactIdentity.Should().Be(("RecallCampaign", "24V-123", SampleFacts.NorthAmericanVin));
        (recall with { Disposition = RecallDisposition.Remedied }).FactIdentity.Should().Be(recall.FactIdentity);
    }

    [Test]
    public void RecallCampaign_UnknownDisposition_Throws()
    {
        var act = () => SampleFacts.RecallCampaign() with { Disposition = (RecallDisposition)5 };

        act.ShouldFailValidation("RecallCampaign", "Disposition", "5");
    }

    [Test]
    public void RecallCampaign_EmptyCampaignNumber_Throws()
    {
        var act = () => SampleFacts.RecallCampaign() with { CampaignNumber = "" };

        act.ShouldFailValidation("RecallCampaign", "CampaignNumber", "");
    }

    [Test]
    public void Complaint_ResolvedBeforeOpened_Throws()
    {
        var act = () => SampleFacts.Complaint() with { ResolvedOn = new LocalDate(2026, 2, 1) };

        act.ShouldFailValidation("Complaint", "ResolvedOn", "2026-02-01");
    }

    [Test]
    public void Complaint_Resolved_NotOpen()
    {
        var complaint = SampleFacts.Complaint();

        complaint.IsOpen.Should().BeTrue();
        (complaint with { ResolvedOn = new LocalDate(2026, 3, 5) }).IsOpen.Should().BeFalse();
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void SatisfactionScore_OutsideZeroToTen_Throws(int score)
    {
        var act = () => SampleFacts.SatisfactionScore() with { Score = score };

        act.ShouldFailValidation("SatisfactionScore", "Score", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase(0)]
    [TestCase(10)]
    public void SatisfactionScore_Bounds_Allowed(int score)
    {
        (SampleFacts.SatisfactionScore() with { Score = score }).Score.Should().Be(score);
    }

    [Test]
    public void SatisfactionScore_IdentityIsCustomerSourceAndDay()
    {
        var score = SampleFacts.SatisfactionScore();

        (score with { Score = 3 }).FactIdentity.Should().Be(score.FactIdentity);
        (score with { On = score.On.PlusDays(1) }).FactIdentity.Should().NotBe(score.FactIdentity);
    }
}
