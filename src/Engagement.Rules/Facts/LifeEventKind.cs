namespace Engagement.Rules.Facts;

/// <summary>A change in a customer's household or life the dealership learnt about.</summary>
public enum LifeEventKind
{
    /// <summary>The household grew (a child, a new member).</summary>
    HouseholdGrew = 0,

    /// <summary>The household shrank (a child left home).</summary>
    HouseholdShrank = 1,

    /// <summary>The customer moved house.</summary>
    Moved = 2,

    /// <summary>The customer married.</summary>
    Married = 3,

    /// <summary>A member of the household started driving.</summary>
    NewDriver = 4,
}
