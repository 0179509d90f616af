"""What a wijk network is: the schema, validated tables, the network and the name matcher."""
