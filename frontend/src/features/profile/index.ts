export { useMe } from "./api/get-me";
export { CurrencySettings } from "./components/currency-settings";
export { RestDaysSettings } from "./components/rest-days-settings";
export { TimeZoneOffer } from "./components/time-zone-offer";
export { TimeZoneSettings } from "./components/time-zone-settings";
