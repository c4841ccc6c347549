// Sessions: one record per session (the randomisation unit of experiments).
#include "ingest/table_loader.h"

namespace basketlift {

namespace {

class SessionsLoader final : public TableLoader {
 public:
  explicit SessionsLoader(const LoaderContext& context)
      : ctx_(context),
        sessions_at_start_(context.store.sessions.size()),
        ids_at_start_(context.store.pools.sessions.size()),
        customers_at_start_(context.store.pools.customers.size()) {}

  void reserve(std::size_t rows, std::size_t seen) override {
    Store& store = ctx_.store;
    store.sessions.reserve(expected_size(sessions_at_start_, store.sessions.size(), rows, seen));
    const std::size_t ids = expected_size(ids_at_start_, store.pools.sessions.size(), rows, seen);
    store.pools.sessions.reserve(ids);
    store.session_row.reserve(ids);
    store.pools.customers.reserve(
        expected_size(customers_at_start_, store.pools.customers.size(), rows, seen));
  }

  std::optional<Rejection> load(const Record& record, FileReport& report) override {
    RowReader r(record, ctx_.values);
    const std::string_view id_text = r.text(Field::session_id);
    if (id_text.empty()) r.reject(RejectReason::missing_required_field, Field::session_id);
    const std::optional<bool> converted = r.boolean(Field::converted);
    const std::string_view variant = r.text(Field::variant);
    const std::string_view customer = r.text(Field::customer_id);
    const std::string_view channel = r.text(Field::channel);
    const std::string_view segment = r.text(Field::segment);
    const std::string_view time_text = r.text(Field::timestamp);
    if (!r.ok()) return r.rejection();

    Store& store = ctx_.store;
    Pools& pools = store.pools;
    const std::uint32_t session = pools.sessions.intern(id_text);
    if (store.session_row.size() <= session)
      store.session_row.resize(std::size_t{session} + 1, kNoId);
    if (store.session_row[session] != kNoId) {
      return Rejection{RejectReason::duplicate_session, Field::session_id,
                       r.raw(Field::session_id)};
    }
    SessionColumns& s = store.sessions;
    store.session_row.set(session, static_cast<std::uint32_t>(s.size()));
    s.session.push_back(session);
    s.variant.push_back(variant_cache_.intern(pools.labels, variant));
    s.time.push_back(
        time_text.empty() ? kNoTime : time_reader_.read(r, Field::timestamp, record.row, report));
    s.customer.push_back(intern_or_none(pools.customers, customer));
    s.channel.push_back(channel_cache_.intern(pools.labels, channel));
    s.segment.push_back(segment_cache_.intern(pools.labels, segment));
    s.converted.push_back(converted ? static_cast<std::int8_t>(*converted) : std::int8_t{-1});
    s.origin.push_back({ctx_.file, static_cast<std::uint32_t>(record.row)});
    return std::nullopt;
  }

 private:
  LoaderContext ctx_;
  std::size_t sessions_at_start_, ids_at_start_, customers_at_start_;
  TimeReader time_reader_;
  LabelCache variant_cache_, channel_cache_, segment_cache_;
};

}  // namespace

std::unique_ptr<TableLoader> make_sessions_loader(const LoaderContext& context) {
  return std::make_unique<SessionsLoader>(context);
}

}  // namespace basketlift
