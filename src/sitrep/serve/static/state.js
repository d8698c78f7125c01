// The page's one state object, shared by its modules.
export const state = {
  filters: { date_from: "", date_to: "", country: "", type: "", actor: "", claimed: "", q: "" },
  useBbox: false,
  offset: 0,
  features: [],   // GeoJSON features of the incidents that match (up to MAP_LIMIT)
  timeline: [],   // [{day, count, fatalities}] for the filters other than dates
  config: { tiles: null },
  view: null,     // the map's {lon, lat, zoom}
  countries: null,
  seq: 0,
};
