using CsCheck;

namespace Engagement.Rules.Engine.Tests.Properties.Generation;

/// <summary>CsCheck generators of fact streams.</summary>
public static class FactGen
{
    private static Gen<FactOpSpec> Op(Gen<int> kind) => Gen.Select(
        kind,
        Gen.Int[0, 2],
        Gen.Int[0, 3],
        Gen.Int[0, 3],
        Gen.Int[0, 2],
        Gen.Int[0, 15],
        Gen.Int[0, 2],
        Gen.Bool,
        (k, type, x, y, s, target, field, other) => new FactOpSpec(k, type, x, y, s, target, field, other));

    /// <summary>Inserts (single and batches), updates and retracts, mostly inserts so memory grows to a dozen facts or so.</summary>
    public static Gen<FactOpSpec[]> InsertUpdateRetract { get; } =
        Op(Gen.Frequency((4, Gen.Const(0)), (2, Gen.Const(3)), (3, Gen.Const(1)), (2, Gen.Const(2)))).Array[1, 24];

    /// <summary>Inserts (single and batches) and retracts only.</summary>
    public static Gen<FactOpSpec[]> InsertRetract { get; } =
        Op(Gen.Frequency((3, Gen.Const(0)), (1, Gen.Const(3)), (1, Gen.Const(2)))).Array[1, 24];
}
