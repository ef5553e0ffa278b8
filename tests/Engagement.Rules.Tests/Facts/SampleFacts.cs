using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

/// <summary>One valid instance of each fact, for tests to vary with <c>with</c>.</summary>
internal static class SampleFacts
{
    public const string NorthAmericanVin = "1HGCM82633A004352";

    public static Vin Vin { get; } = Vin.Parse(NorthAmericanVin);

    public static Instant Moment { get; } = Instant.FromUtc(2026, 3, 10, 15, 0);

    public static Customer Customer() => new()
    {
        CustomerId = "C-1",
        FirstName = "Dana",
        LastName = "Reyes",
        TimeZoneId = "America/Chicago",
    };

    public static Vehicle Vehicle() => new()
    {
        Vin = Vin,
        OwnerCustomerId = "C-1",
        Make = "Honda",
        Model = "Accord",
        ModelYear = 2023,
    };

    public static FactoryWarranty FactoryWarranty() => new() { Vin = Vin, EndDate = new LocalDate(2026, 6, 1), MileageLimit = 36000 };

    public static ExtendedServiceContract ExtendedServiceContract() => new() { ContractId = "ESC-1", Vin = Vin, EndDate = new LocalDate(2029, 6, 1) };

    public static LeaseContract LeaseContract() => new() { Vin = Vin, CustomerId = "C-1", EndDate = new LocalDate(2026, 9, 30), MileageAllowance = 36000 };

    public static FinanceContract FinanceContract() => new() { Vin = Vin, CustomerId = "C-1", MaturityDate = new LocalDate(2028, 1, 15), Apr = 5.9m, Balance = 12000m };

    public static GapCoverage GapCoverage() => new() { Vin = Vin, EndDate = new LocalDate(2028, 1, 15) };

    public static MaintenancePlan MaintenancePlan() => new() { Vin = Vin, EndDate = new LocalDate(2027, 1, 15), VisitsRemaining = 2 };

    public static RepairOrder RepairOrder() => new()
    {
        RepairOrderId = "RO-1",
        Vin = Vin,
        CustomerId = "C-1",
        OpenedOn = new LocalDate(2026, 3, 2),
        Mileage = 18000,
        Operations = ["OIL-CHG"],
    };

    public static RecommendedWork RecommendedWork() => new()
    {
        Id = "RW-1",
        Vin = Vin,
        CustomerId = "C-1",
        Operation = "BRAKE-PADS-F",
        Description = "Front brake pads at 3 mm",
    };

    public static Appointment Appointment() => new() { Id = "AP-1", Vin = Vin, CustomerId = "C-1", At = Moment };

    public static RecallCampaign RecallCampaign() => new()
    {
        CampaignNumber = "24V-123",
        Vin = Vin,
        Description = "Airbag inflator",
        IssuedOn = new LocalDate(2024, 2, 1),
    };

    public static Complaint Complaint() => new() { Id = "CP-1", CustomerId = "C-1", OpenedOn = new LocalDate(2026, 3, 1) };

    public static SatisfactionScore SatisfactionScore() => new() { CustomerId = "C-1", Source = "nps", Score = 9, On = new LocalDate(2026, 3, 3) };

    public static Referral Referral() => new()
    {
        ReferralId = "RF-1",
        ReferrerCustomerId = "C-1",
        ReferredName = "Sam Lee",
        RecordedOn = new LocalDate(2026, 2, 1),
    };

    public static OwnerEvent OwnerEvent() => new()
    {
        EventId = "EV-1",
        Name = "Winter car-care clinic",
        Kind = OwnerEventKind.CarCareClinic,
        StartsAt = Moment,
        TimeZoneId = "America/Chicago",
        Location = "Service drive",
        RegionCode = "US-TX",
        Capacity = 30,
    };

    public static EventRegistration EventRegistration() => new() { EventId = "EV-1", CustomerId = "C-1" };

    public static TemperatureForecast TemperatureForecast() => new() { RegionCode = "US-MN", Date = new LocalDate(2026, 11, 20), LowCelsius = -4.5m };

    public static RegionClimate RegionClimate() => new() { RegionCode = "US-FL", IsWarm = true };

    public static TouchSent TouchSent() => new()
    {
        TouchId = "T-1",
        CustomerId = "C-1",
        Kind = TouchKind.Reminder,
        Topic = "service.oil-change-due",
        Class = TouchClass.Service,
        Channel = ContactChannel.Email,
        SentAt = Moment,
    };

    public static HouseholdChange HouseholdChange() => new() { CustomerId = "C-1", On = new LocalDate(2026, 1, 5), Kind = LifeEventKind.Moved };

    public static Dealership Dealership() => new()
    {
        DealershipId = "D-1",
        Name = "Lone Star Honda",
        TimeZoneId = "America/Chicago",
        Jurisdiction = new Jurisdiction("US", "TX"),
    };

    /// <summary>A valid instance of every type in <see cref="DealershipFactTypes.All"/>.</summary>
    public static object[] All() =>
    [
        Customer(), Vehicle(), FactoryWarranty(), ExtendedServiceContract(), LeaseContract(), FinanceContract(),
        GapCoverage(), MaintenancePlan(), RepairOrder(), RecommendedWork(), Appointment(), RecallCampaign(),
        Complaint(), SatisfactionScore(), Referral(), OwnerEvent(), EventRegistration(), TemperatureForecast(),
        RegionClimate(), TouchSent(), HouseholdChange(), Dealership(),
    ];
}
