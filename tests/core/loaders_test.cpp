// The table loaders: conversions, defaults, rejections and remarks, per table.
#include <gtest/gtest.h>

#include <cmath>

#include "ingest/table_loader.h"
#include "test_support.h"

namespace basketlift {
namespace {

using testing::feed_chunks;

std::uint64_t rejected(const FileReport& file, RejectReason reason) {
  return file.rejected[static_cast<int>(reason)].count;
}
std::uint64_t noted(const FileReport& file, RowNote note) {
  return file.notes[static_cast<int>(note)].count;
}

TEST(OrdersLoader, DefaultsRejectionsAndRemarks) {
  Engine engine;
  const std::string csv =
      "order_id,product_id,quantity,unit_price,discount,unit_cost,timestamp,customer_id\n"
      "1,a,,10,,,2025-01-02,c1\n"    // quantity defaults to 1, discount to 0
      "1,b,2,5,20,,2025-01-02,c2\n"  // discount > line; conflicting customer
      "2,a,1,1 234,,,,\n"            // thousands separator refused
      "3,a,-1,10,,,,\n"              // a return
      "4,a,1,10,-1,,,\n"             // negative discount
      "5,a,1,10,,,last tuesday,\n"   // unparsable time: kept, noted
      "6,,1,10,,,,\n"                // no product
      "7,a,1,,,3,,\n";               // no price: kept for baskets, noted
  ASSERT_TRUE(feed_chunks(engine, csv, 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.rows_read, 8u);
  EXPECT_EQ(file.rows_used, 4u);
  EXPECT_EQ(rejected(file, RejectReason::invalid_number), 1u);
  EXPECT_EQ(rejected(file, RejectReason::non_positive_quantity), 1u);
  EXPECT_EQ(rejected(file, RejectReason::negative_number), 1u);
  EXPECT_EQ(rejected(file, RejectReason::missing_required_field), 1u);
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_number)].examples[0].value,
            "1 234");
  EXPECT_EQ(file.rejected[static_cast<int>(RejectReason::invalid_number)].examples[0].row, 4u);
  EXPECT_EQ(noted(file, RowNote::discount_exceeds_line), 1u);
  EXPECT_EQ(noted(file, RowNote::conflicting_order_field), 1u);
  EXPECT_EQ(noted(file, RowNote::unparsable_timestamp), 1u);
  EXPECT_EQ(noted(file, RowNote::missing_price), 1u);
  const Store& store = engine.store();
  EXPECT_EQ(store.lines.quantity[0], 1);
  EXPECT_EQ(store.lines.discount[0], 0);
  EXPECT_EQ(store.pools.customers.view(store.orders.customer[store.lines.order[1]]),
            "c1");  // first wins
  EXPECT_TRUE(std::isnan(store.lines.unit_price[3]));
  EXPECT_EQ(store.lines.unit_cost[3], 3);
}

TEST(ProductsLoader, CategoryPathsCostsAndDuplicates) {
  Engine engine;
  const std::string csv =
      "product_id,name,category,price,unit_cost,margin_pct,tier\n"
      "p1,Laptop,Electronics/Laptops,800,560,,1\n"
      "p2,Mouse,Electronics/Accessories/Mice,40,,30,\n"
      "p3,Bag,Bags,50,,120,\n"      // margin over 100: rejected
      "p1,Laptop again,X,1,1,,\n";  // duplicate: first kept, noted
  ASSERT_TRUE(feed_chunks(engine, csv, 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.table, Table::products);
  EXPECT_EQ(rejected(file, RejectReason::out_of_range), 1u);
  EXPECT_EQ(noted(file, RowNote::duplicate_product), 1u);
  const Store& store = engine.store();
  const std::uint32_t p2 = *store.pools.products.find("p2");
  EXPECT_EQ(store.pools.labels.view(store.products.category[p2]), "Electronics/Accessories/Mice");
  EXPECT_EQ(store.pools.labels.view(store.products.top_category[p2]), "Electronics");
  EXPECT_EQ(store.products.margin_pct[p2], 30);
  const std::uint32_t p1 = *store.pools.products.find("p1");
  EXPECT_EQ(store.products.price[p1], 800);
  EXPECT_EQ(store.pools.texts.view(store.products.name[p1]), "Laptop");
}

TEST(OffersLoader, TypesBundlesAcceptanceAndPlacements) {
  Engine engine;
  const std::string csv =
      "rec_id,type,placement,anchor_product_id,offered_product_id,offered_price,session_id,"
      "accepted\n"
      "r1,cross_sell,cart,laptop,mouse,36,s1,yes\n"
      "r2,Cross-Sell,product_page,laptop,bag,,s2,0\n"
      "r3,bundle,checkout,laptop,mouse+bag,70,s3,\n"
      "r4,upsell,sidebar,laptop,laptop-pro,1000,s4,TRUE\n"  // unknown placement: kept, noted
      "r5,popup,cart,laptop,mouse,,s5,\n"                   // unknown type
      "r6,upsell,cart,laptop,laptop-pro,,s6,maybe\n";       // bad boolean
  ASSERT_TRUE(feed_chunks(engine, csv, 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.table, Table::offers);
  EXPECT_EQ(file.rows_used, 4u);
  EXPECT_EQ(rejected(file, RejectReason::invalid_offer_type), 1u);
  EXPECT_EQ(rejected(file, RejectReason::invalid_boolean), 1u);
  EXPECT_EQ(noted(file, RowNote::unknown_placement), 1u);
  const ImpressionColumns& im = engine.store().impressions;
  EXPECT_EQ(im.accepted, (std::vector<std::int8_t>{1, 0, -1, 1}));
  EXPECT_EQ(im.type(1), OfferType::cross_sell);
  const auto [begin, end] = im.bundle(2);
  EXPECT_EQ(end - begin, 2u);
  EXPECT_EQ(im.bundle(1).second - im.bundle(1).first, 0u);  // not a bundle
  const Pools& pools = engine.store().pools;
  EXPECT_EQ(pools.products.view(im.bundle_parts()[begin + 1]), "bag");
  EXPECT_EQ(im.offered_price(0), 36);
}

TEST(SessionsLoader, DuplicateSessionsAreRejectedAndTheFirstKept) {
  Engine engine;
  const std::string csv =
      "session_id,variant,converted,segment\n"
      "s1,control,1,budget\n"
      "s2,treatment,no,\n"
      "s1,treatment,0,\n"
      "s3,,,premium\n";
  ASSERT_TRUE(feed_chunks(engine, csv, 0).ok());
  const FileReport& file = engine.files().at(0);
  EXPECT_EQ(file.table, Table::sessions);
  EXPECT_EQ(rejected(file, RejectReason::duplicate_session), 1u);
  const SessionColumns& s = engine.store().sessions;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.converted, (std::vector<std::int8_t>{1, 0, -1}));
  EXPECT_EQ(s.variant[2], kNoId);
  EXPECT_EQ(engine.store().pools.labels.view(s.variant[0]), "control");
}

TEST(Loaders, RowsReadAlwaysEqualsUsedPlusRejected) {
  for (const char* csv :
       {"order_id,product_id\n1,a\n,b\n2,\n", "session_id\n1\n1\n\n2\n",
        "rec_id,type,placement,offered_product_id\nr,x,cart,p\nr,bundle,cart,p\n"}) {
    Engine engine;
    ASSERT_TRUE(feed_chunks(engine, csv, 0).ok());
    const FileReport& file = engine.files().at(0);
    EXPECT_EQ(file.rows_read, file.rows_used + file.rows_rejected) << csv;
    EXPECT_GT(file.rows_read, 0u);
  }
}

// The label cache gives the pool's ids whatever the pattern: values that repeat, a rotation
// of more values than it remembers, texts longer than it keeps, and empty text (no id).
TEST(LabelCache, SameIdsAsThePool) {
  Interner cached_pool, plain_pool;
  LabelCache cache;
  const std::vector<std::string> labels = {
      "web",    "app", "email", "ads",
      "social", "web", "web",   "a label much longer than twenty-four bytes",
      "app"};
  for (int round = 0; round < 50; ++round) {
    for (std::size_t k = 0; k < labels.size(); ++k) {
      // Rotations of 1 to 9 values: some fit in the cache, some push each other out.
      const std::string& text = labels[(k * (round % 9 + 1) + round) % labels.size()];
      ASSERT_EQ(cache.intern(cached_pool, text), plain_pool.intern(text)) << round << " " << text;
    }
  }
  EXPECT_EQ(cached_pool.size(), 6u);
  EXPECT_EQ(cache.intern(cached_pool, ""), kNoId);
  EXPECT_EQ(cached_pool.size(), 6u);
  // A text that is a prefix of a remembered one is another label.
  EXPECT_EQ(cache.intern(cached_pool, "we"), 6u);
  EXPECT_EQ(cache.intern(cached_pool, "web"), plain_pool.intern("web"));
}

}  // namespace
}  // namespace basketlift
