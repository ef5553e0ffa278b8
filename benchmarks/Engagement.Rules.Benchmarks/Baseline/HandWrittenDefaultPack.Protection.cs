using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/protection.yaml: F&amp;I offers, and the high-mileage signal two of them react to.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Protection()
        {
            foreach (var vehicle in _vehicles)
            {
                if (!Owns(vehicle))
                {
                    continue;
                }

                WarrantyEnding(vehicle);
                ContractsMaturing(vehicle);

                // The 'high-mileage-driver' signal, inlined: the rules matching it follow directly.
                var perYear = (vehicle.AverageDailyDistance ?? 0.0) * 365;
                var highMileage = (vehicle.Unit == DistanceUnit.Miles && perYear > 15000) || (vehicle.Unit == DistanceUnit.Kilometres && perYear > 24000);
                if (!highMileage)
                {
                    continue;
                }

                if (vehicle.Ownership is OwnershipType.Finance or OwnershipType.Lease && !HasGapCoverage(vehicle))
                {
                    Propose("gap-offer-high-mileage", TouchKind.Offer, TouchClass.Marketing, "protection.gap", vehicle, "A high-mileage " + Format(vehicle.Ownership) + " car without GAP cover", [_customer, vehicle]);
                }

                if (!HasMaintenancePlan(vehicle))
                {
                    Propose("maintenance-plan-high-mileage", TouchKind.Offer, TouchClass.Marketing, "protection.maintenance-plan", vehicle, "A high-mileage driver without a maintenance plan", [_customer, vehicle]);
                }
            }
        }

        private void WarrantyEnding(Vehicle vehicle)
        {
            var odometer = vehicle.LatestOdometer;
            var projected = (odometer?.Value ?? 0) + ((vehicle.AverageDailyDistance ?? 0.0) * DaysSince(odometer?.Date ?? _today));
            foreach (var warranty in _warranties)
            {
                if (warranty.Vin != vehicle.Vin)
                {
                    continue;
                }

                var days = DaysUntil(warranty.EndDate);
                var nearLimit = warranty.MileageLimit is { } limit && odometer is not null && projected >= limit - 3000 && projected < limit;
                if (days >= 0 && (days <= 60 || nearLimit) && !HasServiceContract(vehicle))
                {
                    var mileageLimit = Format(warranty.MileageLimit ?? 0);
                    Propose(
                        "warranty-ending-offer",
                        TouchKind.Offer,
                        TouchClass.Marketing,
                        "protection.warranty-ending",
                        vehicle,
                        "The factory warranty ends on " + Format(warranty.EndDate) + " or at " + mileageLimit + " (about " + Format(projected) + " now)",
                        [_customer, vehicle, warranty],
                        values: Values("warrantyEnds", Format(warranty.EndDate), "mileageLimit", mileageLimit),
                        evidence: Values("projected", Format(projected)));
                }
            }
        }

        private void ContractsMaturing(Vehicle vehicle)
        {
            foreach (var lease in _leases)
            {
                if (lease.Vin == vehicle.Vin && lease.CustomerId == _customer.CustomerId && DaysUntil(lease.EndDate) is >= 90 and <= 120)
                {
                    Propose("lease-end-upgrade", TouchKind.Offer, TouchClass.Marketing, "protection.lease-end", vehicle, "The lease ends on " + Format(lease.EndDate), [_customer, vehicle, lease], due: lease.EndDate.PlusDays(-120), values: Values("leaseEnds", Format(lease.EndDate)));
                }
            }

            foreach (var loan in _loans)
            {
                if (loan.Vin == vehicle.Vin && loan.CustomerId == _customer.CustomerId && DaysUntil(loan.MaturityDate) is >= 60 and <= 90)
                {
                    Propose("finance-maturity-upgrade", TouchKind.Offer, TouchClass.Marketing, "protection.finance-maturity", vehicle, "The finance contract matures on " + Format(loan.MaturityDate), [_customer, vehicle, loan], due: loan.MaturityDate.PlusDays(-90), values: Values("maturity", Format(loan.MaturityDate)));
                }
            }
        }

        private bool HasServiceContract(Vehicle vehicle)
        {
            foreach (var contract in _serviceContracts)
            {
                if (contract.Vin == vehicle.Vin && DaysUntil(contract.EndDate) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasGapCoverage(Vehicle vehicle)
        {
            foreach (var gap in _gapCoverage)
            {
                if (gap.Vin == vehicle.Vin && DaysUntil(gap.EndDate) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasMaintenancePlan(Vehicle vehicle)
        {
            foreach (var plan in _maintenancePlans)
            {
                if (plan.Vin == vehicle.Vin && plan.VisitsRemaining > 0 && DaysUntil(plan.EndDate) > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
