using System.Collections.Generic;
using System.IO;
using System.Text;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>Facts with every optional field set, so a round trip exercises every property.</summary>
internal static class JsonFixtures
{
    public const string VinText = "1HGCM82633A004352";

    public static Vin Vin { get; } = Vin.Parse(VinText);

    public static Customer Customer() => new()
    {
        CustomerId = "C-1",
        FirstName = "Dana",
        LastName = "Reyes",
        BirthDate = new CustomerBirthDate(new AnnualDate(2, 29), 1988),
        TimeZoneId = "America/Chicago",
        Language = "en-US",
        PreferredChannels = [ContactChannel.Sms, ContactChannel.Email],
        ContactPoints = new ContactPoints
        {
            Email = "dana@example.com",
            Phone = "+15125550100",
            PostalAddress = new PostalAddress { Line1 = "1 Main St", Line2 = "Apt 2", City = "Austin", PostalCode = "78701", RegionCode = "US-TX" },
        },
        Consents =
        [
            new ConsentRecord { Channel = ContactChannel.Email, Purpose = ConsentPurpose.Marketing, Status = ConsentStatus.Granted, At = Instant.FromUtc(2025, 4, 1, 16, 0), Basis = ConsentBasis.ImpliedByPurchase },
            new ConsentRecord { Channel = ContactChannel.Sms, Purpose = ConsentPurpose.Service, Status = ConsentStatus.Withdrawn, At = Instant.FromUtc(2026, 1, 2, 3, 4, 5) },
        ],
        Jurisdiction = new Jurisdiction("US", "TX"),
        HouseholdSize = 3,
        Loyalty = new Loyalty("Gold", 1200),
        Status = CustomerStatus.Active,
        PreferredRewardCategory = RewardCategory.Experiential,
        IsAmbassador = true,
        CharityOfChoice = "Food Bank",
    };

    public static Dealership Dealership() => new()
    {
        DealershipId = "D-1",
        Name = "Lone Star Honda",
        TimeZoneId = "America/Chicago",
        Jurisdiction = new Jurisdiction("US", "TX"),
        BusinessHours = new BusinessHours([
            new OpeningHours(IsoDayOfWeek.Monday, new LocalTime(7, 30), new LocalTime(18, 0)),
            new OpeningHours(IsoDayOfWeek.Saturday, new LocalTime(8, 0), new LocalTime(13, 0)),
        ]),
        ReferralRewardsRestricted = true,
    };

    /// <summary>One fact of every type but Customer and Dealership, all fields set.</summary>
    public static IReadOnlyList<IFactIdentity> Facts() =>
    [
        new Vehicle
        {
            Vin = Vin, OwnerCustomerId = "C-1", Make = "Honda", Model = "Accord", ModelYear = 2023, BodyType = BodyType.Sedan,
            DoorCount = 4, PurchaseDate = new LocalDate(2023, 5, 10), DeliveryDate = new LocalDate(2023, 5, 12), Condition = VehicleCondition.Used,
            Ownership = OwnershipType.Finance, IsOwned = true, Unit = DistanceUnit.Kilometres,
            OdometerReadings = [new OdometerReading(new LocalDate(2024, 5, 20), 11800), new OdometerReading(new LocalDate(2025, 5, 18), 23900)],
        },
        new FactoryWarranty { Vin = Vin, EndDate = new LocalDate(2026, 5, 10), MileageLimit = 36000 },
        new ExtendedServiceContract { ContractId = "ESC-88", Vin = Vin, EndDate = new LocalDate(2030, 5, 10), MileageLimit = 100000 },
        new LeaseContract { Vin = Vin, CustomerId = "C-1", EndDate = new LocalDate(2026, 9, 30), MileageAllowance = 36000 },
        new FinanceContract { Vin = Vin, CustomerId = "C-1", MaturityDate = new LocalDate(2028, 5, 10), Apr = 5.9m, Balance = 12000.50m },
        new GapCoverage { Vin = Vin, EndDate = new LocalDate(2028, 5, 10) },
        new MaintenancePlan { Vin = Vin, EndDate = new LocalDate(2026, 5, 10), VisitsRemaining = 2 },
        new RepairOrder
        {
            RepairOrderId = "RO-1", Vin = Vin, CustomerId = "C-1", OpenedOn = new LocalDate(2026, 3, 2), ClosedOn = new LocalDate(2026, 3, 3),
            Mileage = 18000, Operations = ["OIL-CHG", "TIRE-ROT"], Advisor = "Pat", Total = 89.95m, CustomerConcern = "Squeak when braking",
        },
        new RecommendedWork
        {
            Id = "RW-1", Vin = Vin, CustomerId = "C-1", Operation = "BRAKE-PADS-F", Description = "Front brake pads at 3 mm",
            DueDate = new LocalDate(2026, 6, 1), DueMileage = 21000, Status = RecommendationStatus.Declined, DeclinedOn = new LocalDate(2026, 3, 2),
        },
        new Appointment { Id = "AP-1", Vin = Vin, CustomerId = "C-1", At = Instant.FromUtc(2026, 3, 10, 15, 0), Status = AppointmentStatus.NoShow },
        new RecallCampaign { CampaignNumber = "24V-123", Vin = Vin, Description = "Airbag inflator", Disposition = RecallDisposition.Remedied, IssuedOn = new LocalDate(2024, 2, 1) },
        new Complaint { Id = "CP-1", CustomerId = "C-1", OpenedOn = new LocalDate(2026, 3, 1), ResolvedOn = new LocalDate(2026, 3, 5), Vin = Vin, Summary = "Loaner not available" },
        new SatisfactionScore { CustomerId = "C-1", Source = "nps", Score = 9, On = new LocalDate(2026, 3, 3) },
        new Referral
        {
            ReferralId = "RF-1", ReferrerCustomerId = "C-1", ReferredName = "Sam Lee", ReferredCustomerId = "C-2", Status = ReferralStatus.Purchased,
            RecordedOn = new LocalDate(2026, 2, 1), PurchasedOn = new LocalDate(2026, 2, 20),
        },
        new OwnerEvent
        {
            EventId = "EV-1", Name = "Winter car-care clinic", Kind = OwnerEventKind.CarCareClinic, StartsAt = Instant.FromUtc(2026, 11, 14, 16, 0),
            TimeZoneId = "America/Chicago", Location = "Service drive", RegionCode = "US-TX", Capacity = 30, RegisteredCount = 12,
            Audience = new EventAudience { Make = "Honda", Model = "Accord", RegionCode = "US-TX", AmbassadorsFirst = true },
        },
        new EventRegistration { EventId = "EV-1", CustomerId = "C-1" },
        new TemperatureForecast { RegionCode = "US-TX", Date = new LocalDate(2026, 11, 20), LowCelsius = -4.5m },
        new RegionClimate { RegionCode = "US-FL", IsWarm = true },
        new TouchSent
        {
            TouchId = "T-1", CustomerId = "C-1", Vin = Vin, Kind = TouchKind.Reminder, Topic = "service.oil-change-due", Class = TouchClass.Service,
            Channel = ContactChannel.Email, SentAt = Instant.FromUtc(2026, 3, 10, 15, 0), Engaged = true,
        },
        new HouseholdChange { CustomerId = "C-1", On = new LocalDate(2026, 1, 5), Kind = LifeEventKind.Moved },
    ];

    public static CustomerFacts CustomerFacts() => new(Customer(), Dealership(), Facts());

    public static string Document(CustomerFacts facts)
    {
        using var stream = new MemoryStream();
        EngagementJson.WriteCustomerFacts(stream, facts);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Line(CustomerFacts facts)
    {
        using var writer = new StringWriter();
        EngagementJson.WriteCustomerFactsLine(writer, facts);
        return writer.ToString();
    }

    /// <summary>A minimal valid line for customer <paramref name="id"/>, with the dealership embedded.</summary>
    public static string MinimalLine(string id, string facts = "") =>
        "{\"customer\":{\"customerId\":\"" + id + "\",\"firstName\":\"A\",\"lastName\":\"B\",\"timeZoneId\":\"America/Chicago\"},"
        + "\"dealership\":{\"dealershipId\":\"D-1\",\"name\":\"N\",\"timeZoneId\":\"America/Chicago\",\"jurisdiction\":{\"countryCode\":\"US\",\"regionCode\":\"TX\"}},"
        + "\"facts\":[" + facts + "]}";
}
