package dev.seqmind.data.generate;

import java.util.List;

/**
 * The made-up shop the generator sells from: departments, their sub-categories, the nouns of each sub-category and
 * the modifiers of each department, from which titles like "Navy Linen Shirt #123" are built. Immutable.
 */
final class Vocabulary {
    /** One leaf of the two-level category tree. */
    record Leaf(String department, String name, List<String> nouns, List<String> modifiers) {
        String path() {
            return department + "/" + name;
        }
    }

    private static final List<String> COLOURS = List.of("Blue", "Red", "Black", "White", "Green", "Grey", "Navy",
            "Olive", "Sand", "Coral", "Teal", "Amber", "Plum", "Ivory");

    private final List<Leaf> leaves;

    Vocabulary() {
        List<String> fabrics = List.of("Cotton", "Linen", "Wool", "Denim", "Fleece", "Corduroy", "Silk");
        List<String> tech = List.of("Wireless", "Compact", "Pro", "Ultra", "Portable", "Smart", "Noise-Cancelling");
        List<String> home = List.of("Oak", "Ceramic", "Stoneware", "Bamboo", "Velvet", "Rustic", "Nordic", "Copper");
        List<String> sport = List.of("Lightweight", "Trail", "Waterproof", "Reflective", "Ergonomic", "Carbon");
        List<String> book = List.of("Illustrated", "Pocket", "Collector's", "Annotated", "Hardcover", "Abridged");
        List<String> beauty = List.of("Hydrating", "Gentle", "Vitamin C", "Matte", "Organic", "Fragrance-Free");
        List<String> toy = List.of("Wooden", "Giant", "Magnetic", "Glow-in-the-Dark", "Travel", "Deluxe");
        List<String> food = List.of("Organic", "Single-Origin", "Roasted", "Smoked", "Fair Trade", "Family-Size");
        leaves = List.of(
                new Leaf("Clothing", "Shirts", List.of("Shirt", "Polo", "Blouse", "Tee"), fabrics),
                new Leaf("Clothing", "Trousers", List.of("Jeans", "Chinos", "Trousers", "Shorts"), fabrics),
                new Leaf("Clothing", "Outerwear", List.of("Jacket", "Coat", "Parka", "Hoodie"), fabrics),
                new Leaf("Clothing", "Shoes", List.of("Sneakers", "Boots", "Loafers", "Sandals"), fabrics),
                new Leaf("Electronics", "Audio", List.of("Headphones", "Speaker", "Earbuds", "Soundbar"), tech),
                new Leaf("Electronics", "Computers", List.of("Laptop", "Keyboard", "Mouse", "Monitor"), tech),
                new Leaf("Electronics", "Phone Accessories", List.of("Phone Case", "Charger", "Power Bank", "Cable"),
                        tech),
                new Leaf("Electronics", "Cameras", List.of("Camera", "Lens", "Tripod", "Memory Card"), tech),
                new Leaf("Home", "Kitchen", List.of("Kettle", "Frying Pan", "Knife Set", "Blender"), home),
                new Leaf("Home", "Furniture", List.of("Chair", "Desk", "Bookshelf", "Stool"), home),
                new Leaf("Home", "Decor", List.of("Lamp", "Vase", "Rug", "Cushion"), home),
                new Leaf("Home", "Bedding", List.of("Duvet", "Pillow", "Sheet Set", "Blanket"), home),
                new Leaf("Sports", "Fitness", List.of("Yoga Mat", "Dumbbell", "Resistance Band", "Kettlebell"), sport),
                new Leaf("Sports", "Cycling", List.of("Helmet", "Bike Light", "Bottle Cage", "Saddle"), sport),
                new Leaf("Sports", "Running", List.of("Running Shoes", "Water Bottle", "Armband", "Cap"), sport),
                new Leaf("Sports", "Outdoor", List.of("Tent", "Backpack", "Sleeping Bag", "Lantern"), sport),
                new Leaf("Books", "Fiction", List.of("Novel", "Thriller", "Anthology", "Mystery"), book),
                new Leaf("Books", "Non-Fiction", List.of("Biography", "Cookbook", "Travel Guide", "History"), book),
                new Leaf("Books", "Children", List.of("Picture Book", "Activity Book", "Storybook", "Comic"), book),
                new Leaf("Beauty", "Skincare", List.of("Moisturiser", "Serum", "Cleanser", "Sunscreen"), beauty),
                new Leaf("Beauty", "Hair", List.of("Shampoo", "Conditioner", "Hair Oil", "Hairbrush"), beauty),
                new Leaf("Beauty", "Makeup", List.of("Lipstick", "Mascara", "Foundation", "Eyeliner"), beauty),
                new Leaf("Toys", "Building", List.of("Brick Set", "Jigsaw Puzzle", "Marble Run", "Model Kit"), toy),
                new Leaf("Toys", "Games", List.of("Board Game", "Card Game", "Dice Set", "Chess Set"), toy),
                new Leaf("Toys", "Plush", List.of("Teddy Bear", "Plush Fox", "Plush Whale", "Plush Dragon"), toy),
                new Leaf("Grocery", "Coffee & Tea", List.of("Coffee Beans", "Green Tea", "Espresso Pods", "Herbal Tea"),
                        food),
                new Leaf("Grocery", "Snacks", List.of("Granola Bar", "Trail Mix", "Crackers", "Dark Chocolate"), food),
                new Leaf("Grocery", "Pantry", List.of("Olive Oil", "Pasta", "Basmati Rice", "Honey"), food));
    }

    int leafCount() {
        return leaves.size();
    }

    Leaf leaf(int i) {
        return leaves.get(i);
    }

    /**
     * A readable title for an item of leaf {@code leaf}, chosen by the bits of {@code pick}: colour (or none),
     * modifier and noun, then {@code #externalId} so that titles are unique.
     */
    String title(int leafIndex, long pick, String externalId) {
        Leaf leaf = leaves.get(leafIndex);
        long p = pick & Long.MAX_VALUE;
        String noun = leaf.nouns().get((int) (p % leaf.nouns().size()));
        p /= leaf.nouns().size();
        String modifier = leaf.modifiers().get((int) (p % leaf.modifiers().size()));
        p /= leaf.modifiers().size();
        boolean coloured = !leaf.department().equals("Books") && !leaf.department().equals("Grocery");
        String colour = coloured ? COLOURS.get((int) (p % COLOURS.size())) + " " : "";
        return colour + modifier + " " + noun + " #" + externalId;
    }
}
