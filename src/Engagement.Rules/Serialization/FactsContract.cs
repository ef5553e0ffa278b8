using System;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>Adjusts the serializer's contract for the fact records and decisions.</summary>
internal static class FactsContract
{
    /// <summary>The JSON property naming the fact type in the <c>facts</c> array.</summary>
    public const string TypeProperty = "type";

    public static void Modify(JsonTypeInfo typeInfo)
    {
        var type = typeInfo.Type;
        if (type == typeof(IFactIdentity))
        {
            // Facts have no common base class, but every fact is an IFactIdentity: the "type" discriminator
            // carries the fact type's name, as rules name it.
            var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = TypeProperty };
            foreach (var fact in DealershipFactTypes.All)
            {
                polymorphism.DerivedTypes.Add(new JsonDerivedType(fact, fact.Name));
            }

            typeInfo.PolymorphismOptions = polymorphism;
            return;
        }

        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if (type == typeof(ConsentRecord))
        {
            // A grant without a basis is checked when the record joins the customer (its fields come in any order);
            // checked here too, once the record is read, the error names the record's own path and line.
            typeInfo.OnDeserialized = static record =>
            {
                if (((ConsentRecord)record).MissingBasis(nameof(ConsentRecord), nameof(ConsentRecord.Basis)) is { } missing)
                {
                    throw FactJsonException.Below(missing.Message, missing, string.Empty);
                }
            };
        }

        if (type.Namespace == typeof(Vin).Namespace)
        {
            for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            {
                var property = typeInfo.Properties[i];
                if (property.Set is null && !IsConstructorParameter(typeInfo, property))
                {
                    // Derived values (TimeZone, IsOpen, SeatsLeft, FactIdentity...) are not part of the format.
                    typeInfo.Properties.RemoveAt(i);
                }
                else if (property.Set is { } set && property.AttributeProvider is PropertyInfo clr)
                {
                    var jsonName = property.Name;
                    property.Set = (target, value) =>
                    {
                        try
                        {
                            set(target, value);
                        }
                        catch (FactValidationException e)
                        {
                            throw FactJsonException.AtProperty(e.Message, e, jsonName, e.FactType == type.Name ? JsonNames.Of(e.Field) : JsonNames.Of(clr.Name));
                        }
                    };
                }
            }
        }
        else if (type == typeof(TouchProposal))
        {
            // The matched facts are written as references in the explanation; the objects themselves are not output.
            var matched = typeInfo.Properties.FirstOrDefault(p => p.Name == JsonNames.Of(nameof(TouchProposal.MatchedFacts)));
            if (matched is not null)
            {
                typeInfo.Properties.Remove(matched);
            }
        }
    }

    private static bool IsConstructorParameter(JsonTypeInfo typeInfo, JsonPropertyInfo property) =>
        typeInfo.ConstructorAttributeProvider is ConstructorInfo constructor
        && constructor.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
}
