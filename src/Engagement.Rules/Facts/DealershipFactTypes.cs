using System;
using System.Collections.Generic;

namespace Engagement.Rules.Facts;

/// <summary>The dealership fact types, for registering them with the rule language (rules name a fact by its type name).</summary>
public static class DealershipFactTypes
{
    /// <summary>Every fact type, in a fixed order; each implements <see cref="Engine.IFactIdentity"/>.</summary>
    public static IReadOnlyList<Type> All { get; } = Array.AsReadOnly(new[]
    {
        typeof(Customer),
        typeof(Vehicle),
        typeof(FactoryWarranty),
        typeof(ExtendedServiceContract),
        typeof(LeaseContract),
        typeof(FinanceContract),
        typeof(GapCoverage),
        typeof(MaintenancePlan),
        typeof(RepairOrder),
        typeof(RecommendedWork),
        typeof(Appointment),
        typeof(RecallCampaign),
        typeof(Complaint),
        typeof(SatisfactionScore),
        typeof(Referral),
        typeof(OwnerEvent),
        typeof(EventRegistration),
        typeof(TemperatureForecast),
        typeof(RegionClimate),
        typeof(TouchSent),
        typeof(HouseholdChange),
        typeof(Dealership),
    });
}
