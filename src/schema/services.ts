/**
 * Public services in a scenario (model.md section 5): for each service, the standard that sets
 * demand from the projected population, and the capacity stock that has to keep up. Services
 * read the projection; they never change it. Units are in the names.
 */

import { z } from 'zod';
import { ScheduleSchema } from '../model/schedule.js';

const share = z.number().min(0).max(1);
const perRegionNumber = z.union([z.number().min(0), z.strictObject({ byRegion: z.record(z.string(), z.number().min(0)), default: z.number().min(0).optional() })]);
const perRegionSchedule = z.union([ScheduleSchema, z.strictObject({ byRegion: z.record(z.string(), ScheduleSchema), default: ScheduleSchema.optional() })]);

/**
 * A capacity stock: `capacity[t] = capacity[t-1] * (1 + growthRate[t] - retirementRate[t]) +
 * additions[t]`, starting from `initial` at the end of the base year.
 */
export const CapacityStockSchema = z.strictObject({
  initial: perRegionNumber.describe('Capacity at the end of the base year, in the service\'s unit'),
  additionsPerYear: perRegionSchedule.default(0).describe('Planned additions during each year, in the service\'s unit'),
  growthRate: perRegionSchedule.default(0).describe('Growth of the stock each year as a share of it (e.g. a doctor workforce growing 3 % a year)'),
  retirementRate: perRegionSchedule.default(0).describe('Share of the stock retired each year, 0-1'),
});
export type CapacityStock = z.infer<typeof CapacityStockSchema>;

export const SchoolPlacesSchema = z.strictObject({
  migrantChildrenPublicSchoolShare: perRegionSchedule.describe('Share of migrant children aged 6-14 served in local public schools (or subsidised places), 0-1'),
  urbanPlaces: CapacityStockSchema.describe('Urban compulsory school places'),
  ruralPlaces: CapacityStockSchema.optional().describe('Rural compulsory school places (rural children count against these)'),
});

export const PreschoolPlacesSchema = z.strictObject({
  inclusiveCoverageShare: perRegionSchedule.describe('Share of children aged 3-5 to be covered by inclusive (普惠性) kindergartens, 0-1'),
  places: CapacityStockSchema,
});

export const ChildcarePlacesSchema = z.strictObject({
  placesPer1000Residents: perRegionSchedule.optional().describe('Standard in childcare places (ages 0-2) per 1000 residents, e.g. 3.1'),
  placesTarget: perRegionSchedule.optional().describe('Or a number of places the plan sets'),
  places: CapacityStockSchema,
});

export const RentalHousingSchema = z.strictObject({
  unit: z.enum(['beds', 'units']).describe('Shanghai counts beds for city builders; Zhejiang counts units'),
  shareOfWorkingAgeMigrantsInNeed: perRegionSchedule.describe('Share of migrants aged 16-59 who need affordable rental housing, 0-1'),
  personsPerUnit: perRegionSchedule.default(1).describe('Persons housed per bed or unit (1 for beds)'),
  capacity: CapacityStockSchema,
});

export const HealthCareSchema = z.strictObject({
  doctorsPer1000Residents: perRegionSchedule.describe('Standard in licensed (assistant) doctors per 1000 residents, e.g. 3.6'),
  doctors: CapacityStockSchema.describe('Doctor workforce'),
  residentsPerClinic: perRegionSchedule.optional().describe('Residents one primary clinic serves'),
  clinics: CapacityStockSchema.optional(),
});

export const ElderlyCareSchema = z.strictObject({
  olderAgeFrom: z.union([z.literal(60), z.literal(65)]).default(60).describe('Older residents are those aged 60+ or 65+'),
  bedsPer1000Older: perRegionSchedule.optional().describe('Standard in beds per 1000 older residents'),
  bedsTarget: perRegionSchedule.optional().describe('Or a number of beds the plan sets (e.g. Shanghai 178,000 by 2025)'),
  nursingBedShare: perRegionSchedule.optional().describe('Share of beds that are nursing beds (护理型床位), reported alongside, 0-1'),
  beds: CapacityStockSchema,
});

/** The services of a scenario; each is optional. */
export const ServicesSchema = z.strictObject({
  schoolPlaces: SchoolPlacesSchema.optional(),
  preschoolPlaces: PreschoolPlacesSchema.optional(),
  childcarePlaces: ChildcarePlacesSchema.optional(),
  rentalHousing: RentalHousingSchema.optional(),
  healthCare: HealthCareSchema.optional(),
  elderlyCare: ElderlyCareSchema.optional(),
  closeShortfallBy: z.number().int().optional().describe('Year by which the additions still needed should close each shortfall (default: the end year)'),
});
export type Services = z.infer<typeof ServicesSchema>;

